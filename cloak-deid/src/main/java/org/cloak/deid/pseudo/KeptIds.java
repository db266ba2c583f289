package org.cloak.deid.pseudo;

/** NONE: the original PatientID is kept. */
record KeptIds() implements PatientIdStrategy {
    @Override
    public boolean needsDiscovery() { return false; }

    @Override
    public String newId(FileFacts file) { return file.patientId(); }
}
