package org.cloak.deid.pseudo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an original -> new PatientID table from a CSV file with a header row (UTF-8, an
 * optional byte order mark, comma, semicolon or tab as the header line shows). Errors name the
 * file, column and record number, never a value from the file.
 */
final class CsvMapping {
    private CsvMapping() {}

    static Map<String, String> read(Path file, String source, String target) {
        if (source == null || source.isEmpty() || target == null || target.isEmpty()) {
            throw new PseudonymException("The CSV patient ID strategy needs a source and a target column");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PseudonymException("Could not read the patient ID mapping " + file + ": it is not UTF-8", e);
        } catch (IOException e) {
            throw new PseudonymException("Could not read the patient ID mapping " + file + ": " + e, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setHeader()
                .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        Map<String, String> map = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (String column : new String[] {source, target}) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new PseudonymException("The patient ID mapping " + file + " has no column '" + column
                            + "' (columns: " + String.join(", ", parser.getHeaderNames()) + ")");
                }
            }
            for (CSVRecord r : parser) {
                add(map, r, file, source, target);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new PseudonymException("Could not parse the patient ID mapping " + file + ": malformed CSV", e);
        }
        return Map.copyOf(map);
    }

    private static void add(Map<String, String> map, CSVRecord r, Path file, String source, String target) {
        String from = r.isSet(source) ? r.get(source) : "";
        String to = r.isSet(target) ? r.get(target) : "";
        if (from.isEmpty() && to.isEmpty()) {
            return;
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new PseudonymException("Record " + r.getRecordNumber() + " of the patient ID mapping " + file
                    + " has an empty '" + (from.isEmpty() ? source : target) + "' column");
        }
        String before = map.putIfAbsent(from, to);
        if (before != null && !before.equals(to)) {
            throw new PseudonymException("Record " + r.getRecordNumber() + " of the patient ID mapping " + file
                    + " maps a '" + source + "' value already mapped to a different '" + target + "'");
        }
    }

    /** The most frequent of comma, semicolon and tab in the header line (comma on a tie). */
    private static char delimiter(String text) {
        int eol = text.indexOf('\n');
        String header = eol < 0 ? text : text.substring(0, eol);
        char best = ',';
        int bestCount = count(header, ',');
        for (char c : new char[] {';', '\t'}) {
            int n = count(header, c);
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
