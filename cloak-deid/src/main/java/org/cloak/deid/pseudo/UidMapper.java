package org.cloak.deid.pseudo;

/** Replaces original UIDs by pseudonymous ones. */
@FunctionalInterface
public interface UidMapper {
    String map(String uid);
}
