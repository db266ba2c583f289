package org.cloak.deid.recipe;

/**
 * Patient ID strategy (DESIGN C2).
 *
 * @param strategy NONE, SEQUENTIAL, FOLDER, DETERMINISTIC or CSV
 * @param prefix prefix of new IDs (SEQUENTIAL, DETERMINISTIC), e.g. "P"
 * @param start first number (SEQUENTIAL)
 * @param width zero-padded digits (SEQUENTIAL), or hash characters (DETERMINISTIC)
 * @param discovery SEQUENTIAL numbering unit: per-top-folder, per-study or all (distinct PatientIDs)
 * @param folderRegex FOLDER: regex applied to the folder name, group 1 (or whole match) is the ID
 * @param folderDepth FOLDER: which folder of the relative path (0 = top folder under the input)
 * @param fallback FOLDER: template when the regex does not match, e.g. "UNKNOWN-{n}"
 * @param salt DETERMINISTIC: extra salt mixed into the keyed hash
 * @param csvFile CSV: mapping file
 * @param csvSource CSV: column holding original PatientIDs
 * @param csvTarget CSV: column holding new IDs
 * @param unmapped CSV: SEQUENTIAL, HASH or ERROR for IDs missing from the file
 * @param patientName what PatientName becomes: "id" (the new ID, default), "keep", "empty", or a fixed text
 */
public record PatientIdConfig(String strategy, String prefix, int start, int width, String discovery,
                              String folderRegex, int folderDepth, String fallback, String salt,
                              String csvFile, String csvSource, String csvTarget, String unmapped,
                              String patientName) {

    public static PatientIdConfig defaults() {
        return new PatientIdConfig("DETERMINISTIC", "", 1, 10, "all", null, 0, "UNKNOWN-{n}", "", null,
                null, null, "ERROR", "id");
    }
}
