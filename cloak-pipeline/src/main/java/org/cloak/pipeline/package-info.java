/**
 * Batch de-identification of files and folders: the production side around the engine.
 *
 * <pre>{@code
 * DeidRun run = DeidRun.of(recipe, SecretStore.loadOrCreate(vault), LocalDate.now());
 * RunSummary s = run.run(InputSource.list(inputs), RunOptions.defaults(out), new Progress());
 * }</pre>
 */
package org.cloak.pipeline;
