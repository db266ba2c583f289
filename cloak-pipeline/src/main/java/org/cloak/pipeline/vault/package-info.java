/**
 * The vault: the project's secret and re-identification map, encrypted at rest (AES-256-GCM).
 *
 * <pre>{@code
 * KeySource key = KeySource.from(passphraseFile, keyFile, System.getenv());
 * try (Vault vault = Vault.openOrCreate(vaultDir, key)) {
 *     Secret secret = vault.secret();            // for the engine and the planner
 *     ...
 *     vault.merge(planner);                      // at checkpoints, then
 *     vault.flush();                             // durable before the checkpoint is recorded
 * }
 * }</pre>
 * See docs/vault.md.
 */
package org.cloak.pipeline.vault;
