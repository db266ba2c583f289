package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelAuditWriterTest {
    private static final String PASSWORD = "irb-2024-audit";

    @TempDir
    Path tmp;

    private Path write(boolean values, String password) throws IOException {
        Path xlsx = tmp.resolve(values ? "values.xlsx" : "plain.xlsx");
        try (AuditLog log = new AuditLog(tmp.resolve("spool"), values)) {
            AuditFixtures.fill(log);
            ExcelAuditWriter.write(xlsx, log, log.summary(AuditFixtures.T0, AuditFixtures.T0.plusSeconds(75), "d1g"),
                    password);
        }
        return xlsx;
    }

    private static List<List<String>> rows(XSSFSheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.getLastCellNum(); i++) {
                Cell c = r.getCell(i);
                cells.add(c == null ? "" : switch (c.getCellType()) {
                    case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toString()
                            : String.valueOf((long) c.getNumericCellValue());
                    default -> c.getStringCellValue();
                });
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void poiKeepsItsTemporaryFilesInAnOwnerOnlyFolderOfThisProcess() throws IOException {
        write(false, null);
        java.io.File probe = org.apache.poi.util.TempFile.createTempFile("probe", ".tmp");
        try {
            Path folder = probe.toPath().getParent();
            // POI's default is the shared <tmp>/poifiles, which breaks for every user but the first
            assertThat(folder.getFileName().toString()).isNotEqualTo("poifiles").startsWith("cloak-poi-");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
        } finally {
            Files.deleteIfExists(probe.toPath());
        }
    }

    @Test
    void thePlainWorkbookOpensWithPoiAndHasTheFourSheetsWithTheRightCounts() throws IOException {
        Path xlsx = write(false, null);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Summary", "Studies", "Files", "Changes");
            assertThat(rows(wb.getSheet("Summary"))).contains(List.of("files_processed", "6"),
                    List.of("files_written", "2"), List.of("files_quarantined", "1"), List.of("tags_modified", "4"),
                    List.of("started", "2024-05-06T07:08:09"), List.of("recipe_sha256", "d1g"));
            assertThat(rows(wb.getSheet("Studies"))).containsExactly(
                    List.of("Study Instance UID", "Files written", "Files reused", "Files quarantined", "Errors"),
                    List.of("(not known)", "0", "0", "0", "1"),
                    List.of("2.25.11", "2", "0", "1", "0"),
                    List.of("2.25.22", "0", "1", "0", "0"));
            List<List<String>> files = rows(wb.getSheet("Files"));
            assertThat(files).hasSize(7);
            assertThat(files.get(1).subList(1, 7)).containsExactly("P001/M00/series1/IM0001.dcm", "2.25.11", "WRITTEN",
                    "2", "2", "1");
            assertThat(files.get(4).get(8)).isEqualTo("burned-in annotation; cannot read <input>");
            List<List<String>> changes = rows(wb.getSheet("Changes"));
            assertThat(changes).hasSize(8);
            assertThat(changes.get(0)).containsExactly("Input SHA-256", "Output", "Attribute", "Keyword", "Change",
                    "Action", "Rule");
            assertThat(changes.get(1).subList(2, 7)).containsExactly("(0010,0010)", "PatientName", "MODIFIED", "D",
                    "dicom-basic");
        }
    }

    @Test
    void theSheetsAreFormattedForReading() throws IOException {
        Path xlsx = write(false, null);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet files = wb.getSheet("Files");
            assertThat(wb.getFontAt(files.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(files.getPaneInformation().isFreezePane()).isTrue();
            assertThat(files.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(files.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I7");
            assertThat(files.getColumnWidth(0)).isEqualTo(66 * 256);
            Cell time = files.getRow(1).getCell(7);
            assertThat(DateUtil.isCellDateFormatted(time)).isTrue();
            assertThat(time.getLocalDateTimeCellValue().getYear()).isEqualTo(LocalDateTime.now().getYear());
        }
    }

    @Test
    void anEncryptedWorkbookOpensOnlyWithThePassword() throws Exception {
        Path xlsx = write(true, PASSWORD);
        assertThatThrownBy(() -> new XSSFWorkbook(Files.newInputStream(xlsx))).isInstanceOf(Exception.class);
        try (POIFSFileSystem fs = new POIFSFileSystem(xlsx.toFile(), true)) {
            EncryptionInfo info = new EncryptionInfo(fs);
            Decryptor d = Decryptor.getInstance(info);
            assertThat(d.verifyPassword("wrong password")).isFalse();
            assertThat(d.verifyPassword(PASSWORD)).isTrue();
            try (InputStream in = d.getDataStream(fs); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                List<List<String>> changes = rows(wb.getSheet("Changes"));
                assertThat(changes.get(0)).endsWith("Old value", "New value");
                assertThat(changes.get(1).subList(3, 9)).containsExactly("PatientName", "MODIFIED", "D", "dicom-basic",
                        "DOE^JANE", "P001");
            }
        }
    }

    @Test
    void originalValuesAreRefusedForAPlainWorkbook() {
        assertThatThrownBy(() -> write(true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("original values go only into an encrypted workbook: give a password");
        assertThat(tmp.resolve("values.xlsx")).doesNotExist();
    }

    @Test
    void changesBeyondTheBudgetAreCountedNotKeptAndTheWorkbookSaysSo() throws IOException {
        Path xlsx = tmp.resolve("budget.xlsx");
        try (AuditLog log = new AuditLog(tmp.resolve("spool"), false, 5)) {
            AuditFixtures.fill(log);
            assertThat(log.changesLeftOut()).isEqualTo(2);
            ExcelAuditWriter.write(xlsx, log, log.summary(AuditFixtures.T0, AuditFixtures.T0, null), null);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<List<String>> changes = rows(wb.getSheet("Changes"));
            assertThat(changes).hasSize(7);
            assertThat(changes.get(6)).containsExactly("2 more rows left out (limit 1048574 rows)");
            assertThat(rows(wb.getSheet("Files")).get(2).subList(4, 7)).containsExactly("0", "2", "0");
        }
    }

    @Test
    void longTablesContinueOnANewSheetAndOverLongChangeListsAreCounted() throws IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(10)) {
            SheetWriter w = new SheetWriter(wb, SheetWriter.Styles.of(wb), "T", List.of("a"), new int[] {10}, 3);
            for (int i = 0; i < 5; i++) {
                w.row("v" + i);
            }
            w.close();
            assertThat(wb.getSheet("T").getLastRowNum()).isEqualTo(4);
            assertThat(wb.getSheet("T").getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("2 more rows left out (limit 3 rows)");
        }
    }
}
