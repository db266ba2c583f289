package org.cloak.deid.pseudo;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CSV: new IDs from a mapping file (see {@link CsvMapping}). A PatientID missing from the file
 * is, as configured, numbered like SEQUENTIAL over the unmapped inputs with the configured
 * discovery unit (skipping numbers whose ID the file already gives out), hashed like DETERMINISTIC, or an error that
 * names the
 * column but not the ID.
 */
final class CsvIds implements PatientIdStrategy {
    private final Map<String, String> mapping;
    private final String description;
    private final PatientIdStrategy unmapped;

    private CsvIds(Map<String, String> mapping, String description, PatientIdStrategy unmapped) {
        this.mapping = mapping;
        this.description = description;
        this.unmapped = unmapped;
    }

    static CsvIds of(PatientIdConfig c, Secret secret) {
        if (c.csvFile() == null || c.csvFile().isEmpty()) {
            throw new PseudonymException("The CSV patient ID strategy needs a mapping file");
        }
        Path file = Path.of(c.csvFile());
        Map<String, String> mapping = CsvMapping.read(file, c.csvSource(), c.csvTarget());
        PatientIdConfig.Unmapped mode = c.unmapped() == null ? PatientIdConfig.Unmapped.ERROR : c.unmapped();
        Set<String> taken = new HashSet<>(mapping.values());
        PatientIdStrategy fallback = switch (mode) {
            case SEQUENTIAL -> new SequentialIds(c.prefix(), c.start(), c.width(), c.discovery(),
                    n -> !taken.contains(SequentialIds.format(c.prefix(), c.width(), n)));
            case HASH -> new HashedIds(secret, c.prefix(), c.salt(), c.width());
            case ERROR -> null;
        };
        return new CsvIds(mapping, "column '" + c.csvSource() + "' of " + file, fallback);
    }

    @Override
    public boolean needsDiscovery() { return unmapped != null && unmapped.needsDiscovery(); }

    @Override
    public void observe(FileFacts file) {
        if (unmapped != null && !mapping.containsKey(file.patientId())) {
            unmapped.observe(file);
        }
    }

    @Override
    public void freeze() {
        if (unmapped != null) {
            unmapped.freeze();
        }
    }

    @Override
    public String newId(FileFacts file) {
        String id = mapping.get(file.patientId());
        if (id != null) {
            return id;
        }
        if (unmapped == null) {
            throw new PseudonymException("A PatientID is not in " + description + " and unmapped IDs are an error");
        }
        return unmapped.newId(file);
    }
}
