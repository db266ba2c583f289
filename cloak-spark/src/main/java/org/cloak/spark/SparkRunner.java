package org.cloak.spark;

import java.time.Clock;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cloak.pipeline.run.RunSummary;

/**
 * Starts (or joins, under spark-submit) the Spark session a front end runs the job in, runs it,
 * and stops the session. The secret is never put into the session's configuration, which the
 * Spark UI shows.
 */
public final class SparkRunner {
    private SparkRunner() {}

    /**
     * @param master the master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn},
     *     {@code k8s://...}), or null for the one spark-submit gave
     * @param conf more Spark settings (e.g. {@code spark.executor.memory})
     */
    public static RunSummary run(String master, Map<String, String> conf, SparkJobSpec spec, Clock clock) {
        SparkSession.Builder b = SparkSession.builder().appName("cloak");
        if (master != null) {
            b = b.master(master);
        }
        for (Map.Entry<String, String> e : conf.entrySet()) {
            b = b.config(e.getKey(), e.getValue());
        }
        SparkSession spark = b.getOrCreate();
        try {
            return new SparkDeidJob(clock).run(spark, spec);
        } finally {
            spark.stop();
        }
    }
}
