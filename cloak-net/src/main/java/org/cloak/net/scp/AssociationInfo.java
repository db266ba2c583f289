package org.cloak.net.scp;

import java.net.InetSocketAddress;

/**
 * Who is on the other end of an accepted association.
 *
 * @param id                      serial number of the association in this server (from 1)
 * @param callingAeTitle          the requestor's AE title
 * @param calledAeTitle           the AE title it called (this node's)
 * @param remoteAddress           the requestor's address and port
 * @param implementationClassUid  the requestor's Implementation Class UID
 * @param implementationVersionName the requestor's Implementation Version Name, or null
 */
public record AssociationInfo(long id, String callingAeTitle, String calledAeTitle, InetSocketAddress remoteAddress,
                              String implementationClassUid, String implementationVersionName) {

    @Override
    public String toString() {
        return "#" + id + " " + callingAeTitle + "->" + calledAeTitle + " from " + remoteAddress;
    }
}
