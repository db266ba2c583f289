package org.cloak.deid.pseudo;

import java.util.List;
import java.util.Locale;

/**
 * Patient ID strategy, parsed once where the recipe is read.
 *
 * @param strategy how new IDs are made
 * @param prefix prefix of new IDs (SEQUENTIAL, DETERMINISTIC), e.g. "P"
 * @param start first number (SEQUENTIAL)
 * @param width zero-padded digits (SEQUENTIAL), or hash characters (DETERMINISTIC)
 * @param discovery SEQUENTIAL numbering unit
 * @param folderRegex FOLDER: regex applied to the folder name, group 1 (or whole match) is the ID
 * @param folderDepth FOLDER: which folder of the relative path (0 = top folder under the input)
 * @param fallback FOLDER: template when the regex does not match, e.g. "UNKNOWN-{n}"
 * @param salt DETERMINISTIC: extra salt mixed into the keyed hash
 * @param csvFile CSV: mapping file
 * @param csvSource CSV: column holding original PatientIDs
 * @param csvTarget CSV: column holding new IDs
 * @param unmapped CSV: what IDs missing from the file get
 * @param patientName what PatientName becomes
 */
public record PatientIdConfig(Strategy strategy, String prefix, int start, int width, Unit discovery,
                              String folderRegex, int folderDepth, String fallback, String salt,
                              String csvFile, String csvSource, String csvTarget, Unmapped unmapped,
                              PatientName patientName) {

    /** How new PatientIDs are made. */
    public enum Strategy {
        NONE, SEQUENTIAL, FOLDER, DETERMINISTIC, CSV;

        public String label() { return Labels.of(this); }

        public static Strategy parse(String word) { return Labels.parse(Strategy.class, word); }

        public static List<String> labels() { return Labels.all(Strategy.class); }
    }

    /** What SEQUENTIAL numbers: each top folder, each study, or each distinct original PatientID. */
    public enum Unit {
        PER_TOP_FOLDER, PER_STUDY, ALL;

        public String label() { return Labels.of(this); }

        public static Unit parse(String word) { return Labels.parse(Unit.class, word); }

        public static List<String> labels() { return Labels.all(Unit.class); }
    }

    /** What an ID missing from the CSV mapping gets. */
    public enum Unmapped {
        SEQUENTIAL, HASH, ERROR;

        public String label() { return Labels.of(this); }

        public static Unmapped parse(String word) { return Labels.parse(Unmapped.class, word); }

        public static List<String> labels() { return Labels.all(Unmapped.class); }
    }

    /**
     * What PatientName becomes: the new ID (default), kept, emptied, or a fixed text.
     *
     * @param text the fixed text, for {@link Kind#TEXT} only
     */
    public record PatientName(Kind kind, String text) {
        public enum Kind { ID, KEEP, EMPTY, TEXT }

        public static final PatientName ID = new PatientName(Kind.ID, null);

        /** {@code id}, {@code keep} or {@code empty} (any case), else a fixed text. */
        public static PatientName parse(String word) {
            return switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "id" -> ID;
                case "keep" -> new PatientName(Kind.KEEP, null);
                case "empty" -> new PatientName(Kind.EMPTY, null);
                default -> new PatientName(Kind.TEXT, word);
            };
        }
    }

    public static PatientIdConfig defaults() {
        return new PatientIdConfig(Strategy.DETERMINISTIC, "", 1, 10, Unit.ALL, null, 0, "UNKNOWN-{n}", "", null,
                null, null, Unmapped.ERROR, PatientName.ID);
    }
}
