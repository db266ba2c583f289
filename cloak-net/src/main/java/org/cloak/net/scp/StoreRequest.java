package org.cloak.net.scp;

/**
 * A C-STORE request being received (PS3.7 9.1.1.1).
 *
 * @param association       the association it arrived on
 * @param sopClassUid       Affected SOP Class UID
 * @param sopInstanceUid    Affected SOP Instance UID
 * @param transferSyntaxUid the transfer syntax of the presentation context: the encoding of the
 *                          data set bytes the handler reads
 * @param messageId         the request's Message ID
 * @param priority          0 medium, 1 high, 2 low
 */
public record StoreRequest(AssociationInfo association, String sopClassUid, String sopInstanceUid,
                           String transferSyntaxUid, int messageId, int priority) {}
