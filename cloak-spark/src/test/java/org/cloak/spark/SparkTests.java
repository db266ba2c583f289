package org.cloak.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for the tests: local mode, no UI, few shuffle partitions (two cores here). */
final class SparkTests {
    private SparkTests() {}

    static SparkSession local(int cores) {
        return SparkSession.builder().master("local[" + cores + "]").appName("cloak-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
