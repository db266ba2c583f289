package org.cloak.pipeline.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The audit reports of a run, chosen by file extension: {@code .csv} ({@link CsvAuditWriter})
 * or {@code .xlsx} ({@link ExcelAuditWriter}). {@link #check} belongs before the run starts, so
 * that a run is never done only to find its report refused.
 */
public final class AuditReports {
    private AuditReports() {}

    /**
     * Refuses report settings that cannot be honoured: an unknown extension, a password with no
     * workbook, or original values without an encrypted workbook to hold them (original values
     * never go into a CSV or a plain workbook).
     *
     * @param password the workbook password, or null
     * @throws IllegalArgumentException with a message for the user
     */
    public static void check(List<Path> reports, boolean originalValues, String password) {
        boolean xlsx = false;
        for (Path p : reports) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                xlsx = true;
            } else if (!name.endsWith(".csv")) {
                throw new IllegalArgumentException("an audit report must end in .csv or .xlsx: " + p);
            }
        }
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("the audit workbook password is empty");
        }
        if (password != null && !xlsx) {
            throw new IllegalArgumentException(
                    "--audit-password encrypts an .xlsx audit report, and none was asked for");
        }
        if (originalValues && !(xlsx && password != null)) {
            throw new IllegalArgumentException(
                    "--audit-original-values needs an encrypted workbook (--audit report.xlsx"
                    + " with --audit-password): original values are never written to a CSV or an unencrypted workbook");
        }
    }

    /** Writes every report after {@link #check}ing the settings again. */
    public static void write(List<Path> reports, AuditLog log, AuditSummary summary, String password)
            throws IOException {
        check(reports, log.originalValues(), password);
        for (Path p : reports) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                ExcelAuditWriter.write(p, log, summary, password);
            } else {
                CsvAuditWriter.write(p, log, summary);
            }
        }
    }
}
