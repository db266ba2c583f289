package org.cloak.spark.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.CsvAuditWriter;
import org.cloak.pipeline.audit.FileRecord;
import org.cloak.pipeline.audit.StudyCounts;
import org.cloak.spark.study.StudyResult;

/**
 * The Spark run's audit beside {@code cloak run}'s reports: per study as CSV
 * ({@code report.studies.csv} beside each CSV report), and per file and per study as Parquet,
 * written by the executors. No original values: the records never hold them.
 */
public final class AuditTables {
    /** Columns of the per-study tables. */
    public static final List<String> STUDY_HEADER = List.of("study_instance_uid", "written", "reused", "quarantined",
            "failed");

    private AuditTables() {}

    /** {@code report.csv} -> {@code report.studies.csv}. */
    public static Path studiesPath(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return csv.resolveSibling(base + ".studies.csv");
    }

    /** Writes the per-study counts of {@code log} as CSV. */
    public static void writeStudies(Path csv, AuditLog log) throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(csv), StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(w)) {
            p.printRecord(STUDY_HEADER);
            for (StudyCounts c : log.studies()) {
                p.printRecord(c.study(), c.written(), c.reused(), c.quarantined(), c.failed());
            }
        }
    }

    /** Writes {@code DIR/files} and {@code DIR/studies} as Parquet from the results. */
    public static void writeParquet(SparkSession spark, JavaRDD<StudyResult> results, String dir) {
        StructType files = new StructType();
        for (String c : CsvAuditWriter.FILE_HEADER) {
            files = files.add(c, c.startsWith("tags_") ? DataTypes.IntegerType : DataTypes.StringType);
        }
        JavaRDD<Row> fileRows = results.flatMap(r -> r.records().stream().map(AuditTables::row).iterator());
        spark.createDataFrame(fileRows, files).write().mode(SaveMode.Overwrite).parquet(dir + "/files");
        StructType studies = new StructType().add("leaf", DataTypes.StringType)
                .add(STUDY_HEADER.get(0), DataTypes.StringType);
        for (String c : STUDY_HEADER.subList(1, STUDY_HEADER.size())) {
            studies = studies.add(c, DataTypes.LongType);
        }
        JavaRDD<Row> studyRows = results.map(AuditTables::study);
        spark.createDataFrame(studyRows, studies).write().mode(SaveMode.Overwrite).parquet(dir + "/studies");
    }

    private static Row row(FileRecord r) {
        return RowFactory.create(r.inputHash(), r.output(), r.study(), r.outcome().name(), r.removed(), r.modified(),
                r.added(), r.time().toString(), r.reason());
    }

    private static Row study(StudyResult s) {
        long[] c = new long[4];
        String study = null;
        for (FileRecord r : s.records()) {
            if (study == null && r.study() != null && !r.study().isEmpty()) {
                study = r.study();
            }
            switch (r.outcome()) {
                case WRITTEN -> c[0]++;
                case REUSED -> c[1]++;
                case QUARANTINED -> c[2]++;
                case FAILED -> c[3]++;
                default -> { }
            }
        }
        return RowFactory.create(s.leaf(), study, c[0], c[1], c[2], c[3]);
    }
}
