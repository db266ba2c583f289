package org.cloak.deid.pseudo;


/**
 * How a new PatientID is chosen. Strategies that number things collect keys in
 * {@link #observe} during discovery and number them in {@link #freeze}, so that
 * {@link #newId} depends only on the set of inputs, never on thread scheduling.
 */
sealed interface PatientIdStrategy permits KeptIds, SequentialIds, FolderIds, HashedIds, CsvIds {

    /** Whether every input must be observed before the first ID is handed out. */
    boolean needsDiscovery();

    /** Records one input file during discovery. Thread-safe. */
    default void observe(FileFacts file) {}

    /** Ends discovery. */
    default void freeze() {}

    /** The new PatientID for a file. Thread-safe after {@link #freeze}. */
    String newId(FileFacts file);

    static PatientIdStrategy of(PatientIdConfig c, Secret secret) {
        if (c.strategy() == null) {
            throw new PseudonymException(
                    "No patient ID strategy: expected NONE, SEQUENTIAL, FOLDER, DETERMINISTIC or CSV");
        }
        return switch (c.strategy()) {
            case NONE -> new KeptIds();
            case SEQUENTIAL -> new SequentialIds(c.prefix(), c.start(), c.width(), c.discovery(), n -> true);
            case FOLDER -> new FolderIds(c.folderRegex(), c.folderDepth(), c.fallback());
            case DETERMINISTIC -> new HashedIds(secret, c.prefix(), c.salt(), c.width());
            case CSV -> CsvIds.of(c, secret);
        };
    }
}
