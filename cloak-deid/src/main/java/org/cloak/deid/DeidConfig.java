package org.cloak.deid;

import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.deid.rule.RuleSet;

/**
 * Everything the engine needs to de-identify, compiled from a profile, options and a recipe.
 *
 * @param rules the compiled rule model
 * @param method what is written into (0012,0063) and (0012,0064)
 * @param longitudinal value of (0028,0303): MODIFIED, UNMODIFIED or REMOVED
 * @param allowBurnedIn write files flagged (or likely) to carry burned-in text instead of quarantining them
 * @param recordValues put old and new values into audit events (they are PHI: only for encrypted sinks)
 */
public record DeidConfig(RuleSet rules, MethodDescription method, String longitudinal, boolean allowBurnedIn,
                         UidMapper uids, Secret secret, LocalDate processingDate, boolean recordValues) {

    /** Describes the de-identification for the output's marker attributes. */
    public record MethodDescription(String text, List<MethodCode> codes) {}

    /** A CID 7050 code. */
    public record MethodCode(String value, String scheme, String meaning) {}
}
