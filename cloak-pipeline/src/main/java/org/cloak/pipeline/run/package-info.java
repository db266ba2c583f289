/**
 * Running the engine over many files: one file ({@link org.cloak.pipeline.run.FileProcessor}),
 * many files on parallel workers ({@link org.cloak.pipeline.run.BatchRunner}), a whole run with
 * its discovery pass ({@link org.cloak.pipeline.run.DeidRun}) and its counts
 * ({@link org.cloak.pipeline.run.Progress}, {@link org.cloak.pipeline.run.RunSummary}).
 *
 * <pre>{@code
 * FileProcessor p = new FileProcessor(engine, planner::planFor, new MirrorLayout(out), Quarantine.in(out));
 * new BatchRunner(4).run(items, p::process, p::crashed, progress::record);
 * RunSummary summary = progress.summary();
 * }</pre>
 */
package org.cloak.pipeline.run;
