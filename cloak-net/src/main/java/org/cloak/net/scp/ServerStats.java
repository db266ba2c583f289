package org.cloak.net.scp;

/**
 * Counters of a {@link DicomServer} since it started.
 *
 * @param accepted  associations accepted
 * @param rejected  associations rejected (A-ASSOCIATE-RJ)
 * @param aborted   associations that ended in an A-ABORT, a timeout or a broken connection
 * @param stored    C-STORE requests answered with success or a warning
 * @param failed    C-STORE requests answered with a failure status
 * @param echoes    C-ECHO requests answered
 */
public record ServerStats(long accepted, long rejected, long aborted, long stored, long failed, long echoes) {}
