package org.cloak.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The QC board as a spreadsheet: CSV (RFC 4180) and XLSX with the same columns in the same
 * order; in the XLSX the status cell is also filled with the board's colour.
 */
final class BoardExport {
    /** The columns of both exports. */
    static final List<String> COLUMNS = List.of("Subject", "Session", "Session ID", "State", "Files",
            "Anonymized by", "Anonymized at", "Verify", "Reviewer", "Sign-off", "Notes", "Status", "Colour");

    private BoardExport() {}

    static List<String> cells(SessionRow r) {
        return List.of(r.subject(), r.label(), Long.toString(r.id()), r.session().state().wire(),
                Integer.toString(r.session().files()), r.anonymizedBy(), r.anonymizedAt(), r.verify(), r.reviewer(),
                r.signOff(), r.notes(), r.status().text(), r.status().colour());
    }

    static String csv(List<SessionRow> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, COLUMNS);
        rows.forEach(r -> line(sb, cells(r)));
        return sb.toString();
    }

    static byte[] xlsx(List<SessionRow> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("QC board");
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(COLUMNS.get(i));
            }
            int status = COLUMNS.indexOf("Status");
            for (int n = 0; n < rows.size(); n++) {
                Row row = sheet.createRow(n + 1);
                List<String> cells = cells(rows.get(n));
                for (int i = 0; i < cells.size(); i++) {
                    Cell c = row.createCell(i);
                    c.setCellValue(cells.get(i));
                    if (i == status) {
                        c.setCellStyle(fill(wb, rows.get(n).status().colour()));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static CellStyle fill(XSSFWorkbook wb, String colour) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(switch (colour) {
            case "green" -> IndexedColors.LIGHT_GREEN.getIndex();
            case "red" -> IndexedColors.CORAL.getIndex();
            case "amber" -> IndexedColors.LIGHT_ORANGE.getIndex();
            default -> IndexedColors.GREY_25_PERCENT.getIndex();
        });
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            // a cell a spreadsheet would take for a formula is written as text
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            sb.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append("\r\n");
    }
}
