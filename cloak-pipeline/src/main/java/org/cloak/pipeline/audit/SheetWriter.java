package org.cloak.pipeline.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one table into streaming sheets: bold frozen header, autofilter, fixed column widths
 * (a streaming sheet cannot measure its cells), dates as dates. A table longer than Excel's
 * 1 048 576 rows continues in "Name 2", "Name 3"... up to {@code maxRows}; past that, a last
 * row says how many were left out.
 */
final class SheetWriter {
    static final int EXCEL_ROWS = 1_048_576;
    private static final int CELL_CHARS = 32_767;

    private final SXSSFWorkbook wb;
    private final String name;
    private final List<String> header;
    private final int[] widths;
    private final long maxRows;
    private final CellStyle bold;
    private final CellStyle date;
    private final CellStyle plain;
    private SXSSFSheet sheet;
    private int sheets;
    private int row;
    private long total;
    private long dropped;

    /**
     * Cell styles shared by all sheets of a workbook (a workbook holds at most 64 000 styles).
     * {@code plain} is the workbook's default style, set on every other cell: a cell without a
     * style makes the streaming writer look its column's style up in the sheet's XML, which
     * costs more than the rest of the row on a sheet with column widths.
     */
    record Styles(CellStyle bold, CellStyle date, CellStyle plain) {
        static Styles of(SXSSFWorkbook wb) {
            Font f = wb.createFont();
            f.setBold(true);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(f);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            return new Styles(bold, date, wb.getCellStyleAt(0));
        }
    }

    /** @param widths column widths in characters */
    SheetWriter(SXSSFWorkbook wb, Styles styles, String name, List<String> header, int[] widths, long maxRows) {
        this.wb = wb;
        this.name = name;
        this.header = header;
        this.widths = widths;
        this.maxRows = maxRows;
        this.bold = styles.bold();
        this.date = styles.date();
        this.plain = styles.plain();
        newSheet();
    }

    /** Adds a row: Strings, Numbers, Instants (shown in UTC) or null (empty cell). */
    void row(Object... values) {
        if (total >= maxRows) {
            dropped++;
            return;
        }
        if (row >= EXCEL_ROWS) {
            close();
            newSheet();
        }
        Row r = sheet.createRow(row++);
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(i);
            c.setCellStyle(plain);
            set(c, values[i]);
        }
        total++;
    }

    /** Counts rows that were never offered to this writer, for the closing note. */
    void leftOut(long n) {
        dropped += n;
    }

    /** Finishes the current sheet (autofilter over its rows, note on rows left out). */
    void close() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(row - 1, 0), 0, header.size() - 1));
        if (dropped > 0 && row < EXCEL_ROWS) {
            sheet.createRow(row++).createCell(0).setCellValue(dropped + " more rows left out (limit " + maxRows
                    + " rows)");
        }
    }

    private void newSheet() {
        sheets++;
        sheet = wb.createSheet(sheets == 1 ? name : name + " " + sheets);
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(header.get(i));
            c.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
        }
        sheet.createFreezePane(0, 1);
        row = 1;
    }

    private void set(Cell c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (v instanceof Instant t) {
            c.setCellValue(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            c.setCellStyle(date);
        } else {
            String s = v.toString();
            c.setCellValue(s.length() > CELL_CHARS ? s.substring(0, CELL_CHARS - 1) + "\u2026" : s);
        }
    }
}
