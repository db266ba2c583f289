/**
 * The network node ({@code cloak listen}): a DICOM storage SCP whose instances go through the
 * same {@link org.cloak.pipeline.run.FileProcessor} as a batch run, and an on-disk queue that
 * forwards the de-identified instances to another node. The only package that composes the
 * network layer ({@code org.cloak.net}) with the engine; neither depends on the other.
 *
 * <pre>{@code
 * ListenService node = ListenService.of(ListenOptions.of(ServerOptions.of("CLOAK", 11112), out), recipe,
 *         vault.secret(), today, new RunHooks(vault, auditLog, null)); // hooks: RunHooks.NONE for none
 * node.start();
 * ...
 * node.stop(Duration.ofSeconds(30)); // stop accepting, finish in-flight instances, flush the vault
 * AuditReports.write(reports, auditLog, auditLog.summary(started, Instant.now(), digest), null);
 * }</pre>
 */
package org.cloak.pipeline.node;
