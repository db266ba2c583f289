/**
 * The storage and verification SCP: {@link org.cloak.net.scp.DicomServer}, with a pluggable
 * {@link org.cloak.net.scp.StoreHandler} (the default {@link org.cloak.net.scp.FileStoreHandler}
 * writes Part 10 files atomically).
 *
 * <pre>{@code
 * DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 11112), new FileStoreHandler(dir));
 * server.start();
 * server.stop(Duration.ofSeconds(30));
 * }</pre>
 */
package org.cloak.net.scp;
