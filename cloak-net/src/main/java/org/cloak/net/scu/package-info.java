/**
 * Verification and storage SCUs: {@link org.cloak.net.scu.EchoScu} and
 * {@link org.cloak.net.scu.StoreScu}.
 *
 * <pre>{@code
 * StoreScu scu = new StoreScu(ScuOptions.of("CLOAK"));
 * List<StoreResult> results = scu.send(AeAddress.parse("PACS@pacs:104"), StoreScu.expand(paths), r -> { });
 * }</pre>
 */
package org.cloak.net.scu;
