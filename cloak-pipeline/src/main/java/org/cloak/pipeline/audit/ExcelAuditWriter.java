package org.cloak.pipeline.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.poifs.crypt.ChainingMode;
import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.poifs.crypt.temp.SXSSFWorkbookWithCustomZipEntrySource;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.cloak.deid.audit.AuditEvent;

/**
 * The Excel audit report (Apache POI): sheets Summary, Studies, Files and Changes. Rows are
 * streamed, so memory does not depend on the corpus. With a password the whole
 * workbook is encrypted (ECMA-376 agile encryption, AES-256 / SHA-512, what Excel itself
 * writes) and opens only with it. Original values (Changes: old and new value) are written only
 * into an encrypted workbook. POI's temporary files hold the workbook's content while it is
 * written: for an encrypted workbook they are encrypted too, under a throw-away key, so no stray
 * temporary file shows what the workbook protects; a plain workbook's are plain, like the
 * workbook itself (encrypting them would treble the time a large report takes).
 */
public final class ExcelAuditWriter {
    /** Change rows beyond this are counted, not listed (Excel's sheet limit keeps a workbook usable). */
    public static final long MAX_CHANGE_ROWS = SheetWriter.EXCEL_ROWS - 2;

    private ExcelAuditWriter() {}

    /**
     * Writes the workbook.
     *
     * @param password the workbook password, or null for a plain workbook
     * @throws IllegalArgumentException when the log holds original values and there is no password
     */
    public static void write(Path xlsx, AuditLog log, AuditSummary summary, String password) throws IOException {
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("the audit workbook password is empty");
        }
        if (log.originalValues() && password == null) {
            throw new IllegalArgumentException("original values go only into an encrypted workbook: give a password");
        }
        PoiTemp.ensurePrivate();
        SXSSFWorkbook wb = password == null ? new SXSSFWorkbook() : new SXSSFWorkbookWithCustomZipEntrySource();
        try {
            fill(wb, log, summary);
            ReportFiles.write(xlsx, out -> {
                if (password == null) {
                    wb.write(out);
                } else {
                    encrypted(wb, password, out);
                }
            });
        } finally {
            wb.close();
        }
    }

    private static void fill(SXSSFWorkbook wb, AuditLog log, AuditSummary summary) throws IOException {
        SheetWriter.Styles styles = SheetWriter.Styles.of(wb);
        SheetWriter sum = new SheetWriter(wb, styles, "Summary", List.of("Item", "Value"), new int[] {26, 70}, 100);
        for (List<Object> r : SummaryRows.of(summary)) {
            sum.row(r.get(0), r.get(0).equals("started") ? summary.started() : r.get(1));
        }
        sum.close();
        SheetWriter studies = new SheetWriter(wb, styles, "Studies",
                List.of("Study Instance UID", "Files written", "Files reused", "Files quarantined", "Errors"),
                new int[] {64, 14, 14, 18, 10}, Long.MAX_VALUE);
        for (StudyCounts s : log.studies()) {
            studies.row(s.study().isEmpty() ? "(not known)" : s.study(), s.written(), s.reused(), s.quarantined(),
                    s.failed());
        }
        studies.close();
        SheetWriter files = new SheetWriter(wb, styles, "Files", List.of("Input SHA-256", "Output",
                "Study Instance UID",
                "Outcome", "Tags removed", "Tags modified", "Tags added", "Time (UTC)", "Reason"),
                new int[] {66, 60, 64, 13, 13, 14, 11, 20, 60}, Long.MAX_VALUE);
        boolean values = log.originalValues();
        List<String> changeHeader = new ArrayList<>(List.of("Input SHA-256", "Output", "Attribute", "Keyword",
                "Change", "Action", "Rule"));
        if (values) {
            changeHeader.addAll(List.of("Old value", "New value"));
        }
        SheetWriter changes = new SheetWriter(wb, styles, "Changes", changeHeader,
                new int[] {66, 60, 40, 32, 10, 8, 40, 40, 40}, MAX_CHANGE_ROWS);
        log.forEachRecord(r -> {
            files.row(r.inputHash(), r.output(), r.study(), r.outcome().name(), r.removed(), r.modified(), r.added(),
                    r.time(), r.reason());
            for (AuditEvent e : r.changes()) {
                String change = e.change() == null ? null : e.change().name();
                if (values) {
                    changes.row(r.inputHash(), r.output(), e.path(), e.keyword(), change, e.action(), e.origin(),
                            e.oldValue(), e.newValue());
                } else {
                    changes.row(r.inputHash(), r.output(), e.path(), e.keyword(), change, e.action(), e.origin());
                }
            }
        });
        files.close();
        changes.leftOut(log.changesLeftOut());
        changes.close();
    }

    private static void encrypted(SXSSFWorkbook wb, String password, OutputStream out) throws IOException {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile, CipherAlgorithm.aes256, HashAlgorithm.sha512,
                256, 16, ChainingMode.cbc);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword(password);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = enc.getDataStream(fs)) {
                wb.write(os);
            } catch (GeneralSecurityException e) {
                throw new IOException("could not encrypt the workbook: " + e.getMessage(), e);
            }
            fs.writeFilesystem(out);
        }
    }
}
