package org.cloak.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.AuditReports;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.io.PrivateFolders;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.vault.Vault;
import org.cloak.spark.audit.AuditTables;
import org.cloak.spark.io.HadoopConf;
import org.cloak.spark.io.HadoopFiles;
import org.cloak.spark.plan.DiscoveryAccumulator;
import org.cloak.spark.plan.HeaderReader;
import org.cloak.spark.plan.InputListing;
import org.cloak.spark.plan.JobPlan;
import org.cloak.spark.plan.Scan;
import org.cloak.spark.plan.SourceFile;
import org.cloak.spark.study.StudyJournal;
import org.cloak.spark.study.StudyResult;
import org.cloak.spark.study.StudyTask;
import org.cloak.spark.study.StudyWorker;
import scala.Tuple2;

/**
 * {@code cloak run} as a Spark job. The driver lists the inputs, opens the vault and broadcasts
 * the derived secret with the recipe's source; a discovery pass reads the headers on the
 * executors, merging their observations into the driver and grouping the files by study; the
 * driver freezes the discovery into the plan and broadcasts it; then one task owns each study
 * ({@link StudyWorker}: the pipeline's per-object processing, atomic writes, the study journal).
 * At the end the driver removes what killed attempts left, writes the audit, and merges the
 * re-identification map into the vault, once.
 */
public final class SparkDeidJob {
    private final Clock clock;

    public SparkDeidJob(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the job on {@code spark}.
     *
     * @throws PipelineException of kind USAGE (settings, paths), VAULT or IO
     */
    public RunSummary run(SparkSession spark, SparkJobSpec spec) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        try {
            AuditReports.check(spec.audits(), false, spec.auditPassword());
            OutputCheck.check(conf, spec);
            org.apache.hadoop.fs.Path out = HadoopFiles.fs(new org.apache.hadoop.fs.Path(spec.output()), conf)
                    .makeQualified(new org.apache.hadoop.fs.Path(spec.output()));
            FileSystem fs = HadoopFiles.fs(out, conf);
            OutputCheck.settings(fs, out, spec);
            if (spec.restart()) {
                new StudyJournal(fs, out).clear();
            }
            // originals go beside the output folder, never into it, as with cloak run
            String quarantine = spec.quarantine() != null ? spec.quarantine()
                    : new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(out.getParent(),
                            out.getName() + OutputFolder.ORIGINALS_SUFFIX), "quarantine").toString();
            java.net.URI q = new org.apache.hadoop.fs.Path(quarantine).toUri();
            if (q.getScheme() == null || q.getScheme().equals("file")) {
                PrivateFolders.create(java.nio.file.Path.of(q.getPath())); // owner-only and marked, as cloak run's
            }
            List<SourceFile> files = InputListing.list(conf, spec.inputs(), spec.inputLists());
            int partitions = spec.partitions() > 0 ? spec.partitions() : Math.max(2, 2 * jsc.defaultParallelism());
            LocalDate today = LocalDate.now(clock);
            Path spoolDir = java.nio.file.Files.createTempDirectory("cloak-spark-audit");
            try (Vault vault = Vault.openOrCreate(spec.vaultDir(), spec.key());
                 AuditLog log = spec.audits().isEmpty() ? null : new AuditLog(spoolDir, false)) {
                JobPlan plan = new JobPlan(spec.recipe(), vault.secret(), today, spec.layout(), spec.strictPrivate(),
                        null, out.toString(), quarantine, UUID.randomUUID().toString(), new HadoopConf(conf));
                Recipe recipe = spec.recipe().recipe(); // fails here, on the driver, for a bad recipe
                Deidentification.Preparation prep = Recipes.prepare(recipe, vault.secret(), today, false);
                Passes passes = new Passes(jsc, partitions);
                JavaPairRDD<String, Iterable<Scan>> studies = passes.discover(files, plan);
                Discovery discovery = passes.discovery();
                Broadcast<JobPlan> frozen = jsc.broadcast(prep.needsDiscovery() ? plan.withDiscovery(discovery) : plan);
                JavaRDD<StudyResult> results = passes.process(studies, frozen);
                Totals totals = collect(results, log);
                passes.clean(results, out.toString(), quarantine);
                if (spec.auditParquet() != null) {
                    AuditTables.writeParquet(spark, results, spec.auditParquet());
                }
                // the map from the whole discovery, as the executors' planners decide it (plans
                // depend only on the inputs seen, the recipe and the secret), merged once
                vault.merge(Recipes.prepare(recipe, vault.secret(), today, false).merge(discovery).build().planner());
                vault.flush();
                if (log != null) {
                    AuditReports.write(spec.audits(), log, log.summary(startedAt, clock.instant(), spec.recipeDigest()),
                            spec.auditPassword());
                    for (Path p : spec.audits()) {
                        if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                            AuditTables.writeStudies(AuditTables.studiesPath(p), log);
                        }
                    }
                }
                results.unpersist(false);
                return totals.summary((System.nanoTime() - started) / 1e9);
            } finally {
                java.nio.file.Files.deleteIfExists(spoolDir);
            }
        } catch (IllegalArgumentException | PseudonymException e) {
            throw new PipelineException(PipelineException.Kind.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException(PipelineException.Kind.IO, e.getMessage(), e);
        }
    }

    /** Streams the results to the driver: summary counts and the audit log. */
    private static Totals collect(JavaRDD<StudyResult> results, AuditLog log) {
        Totals t = new Totals();
        Iterator<StudyResult> it = results.toLocalIterator();
        while (it.hasNext()) {
            StudyResult r = it.next();
            t.add(r);
            if (log != null) {
                r.records().forEach(log::add);
            }
        }
        return t;
    }

    /** The Spark stages of a run. */
    private static final class Passes {
        private final JavaSparkContext jsc;
        private final int partitions;
        private final DiscoveryAccumulator discovered = new DiscoveryAccumulator();
        private Broadcast<HadoopConf> conf;

        Passes(JavaSparkContext jsc, int partitions) {
            this.jsc = jsc;
            this.partitions = partitions;
            jsc.sc().register(discovered, "cloak discovery");
        }

        /** Reads every header, merges the observations into the driver, groups files by study. */
        JavaPairRDD<String, Iterable<Scan>> discover(List<SourceFile> files, JobPlan plan) {
            jsc.setJobGroup("cloak-discovery", "Cloak: discovery (headers only)", false);
            conf = jsc.broadcast(plan.conf());
            Broadcast<HadoopConf> c = conf;
            DiscoveryAccumulator acc = discovered;
            JavaPairRDD<String, Iterable<Scan>> studies = jsc.parallelize(files, partitions)
                    .mapPartitions(it -> {
                        Discovery d = new Discovery();
                        List<Scan> scans = new ArrayList<>();
                        it.forEachRemaining(f -> scans.add(HeaderReader.scan(f, c.value().get(), d)));
                        acc.add(d);
                        return scans.iterator();
                    })
                    .mapToPair(s -> new Tuple2<>(s.leaf(), s))
                    .groupByKey(partitions)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            studies.count(); // runs the pass: the discovery is complete from here on
            return studies;
        }

        Discovery discovery() { return discovered.value(); }

        /** One task per partition of studies; each study processed whole by one task. */
        JavaRDD<StudyResult> process(JavaPairRDD<String, Iterable<Scan>> studies, Broadcast<JobPlan> plan) {
            jsc.setJobGroup("cloak-process", "Cloak: de-identification by study", false);
            StudyWorker.Meters meters = new StudyWorker.Meters(jsc.sc().longAccumulator("cloak files"),
                    jsc.sc().longAccumulator("cloak bytes"), jsc.sc().longAccumulator("cloak quarantined"));
            JavaRDD<StudyResult> results = studies.mapPartitions(it -> {
                StudyWorker worker = new StudyWorker(plan.value(), meters);
                List<StudyResult> done = new ArrayList<>();
                while (it.hasNext()) {
                    Tuple2<String, Iterable<Scan>> s = it.next();
                    done.add(worker.process(StudyTask.of(s._1(), s._2())));
                }
                return done.iterator();
            }).persist(StorageLevel.MEMORY_AND_DISK());
            results.count();
            studies.unpersist(false);
            return results;
        }

        /** Removes the temporary files of killed or losing attempts from every folder a study wrote to. */
        void clean(JavaRDD<StudyResult> results, String out, String quarantine) {
            jsc.setJobGroup("cloak-clean", "Cloak: removal of temporary files", false);
            Broadcast<HadoopConf> c = conf;
            results.flatMap(r -> r.folders().iterator()).distinct()
                    .map(f -> f.isEmpty() ? out : out + "/" + f)
                    .union(jsc.parallelize(List.of(quarantine), 1))
                    .foreachPartition(it -> {
                        while (it.hasNext()) {
                            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(it.next());
                            HadoopFiles.deleteTemporaries(HadoopFiles.fs(p, c.value().get()), p);
                        }
                    });
        }
    }
}
