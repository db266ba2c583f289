package org.cloak.deid.profile;

import org.cloak.deid.DeidConfig;

/**
 * The PS3.15 Annex E options Cloak can switch on, by their command-line names. Their CID 7050
 * codes are read from the standard's table ({@code deidentification_method_codes.tsv}).
 */
public enum ProfileOption {
    RETAIN_SAFE_PRIVATE("retain-safe-private"),
    RETAIN_UIDS("retain-uids"),
    RETAIN_DEVICE_IDENTITY("retain-device-identity"),
    RETAIN_INSTITUTION_IDENTITY("retain-institution-identity"),
    RETAIN_PATIENT_CHARACTERISTICS("retain-patient-characteristics"),
    RETAIN_LONG_FULL_DATES("retain-long-full-dates"),
    RETAIN_LONG_MODIFIED_DATES("retain-long-modified-dates"),
    CLEAN_DESCRIPTORS("clean-descriptors"),
    CLEAN_STRUCTURED_CONTENT("clean-structured-content"),
    CLEAN_GRAPHICS("clean-graphics");

    private final String cliName;

    ProfileOption(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() { return cliName; }

    /** The option's column in {@code confidentiality_profile.tsv} (PS3.15 Table E.1-1). */
    public String tableColumn() {
        return switch (this) {
            case CLEAN_DESCRIPTORS -> "clean_desc";
            case CLEAN_STRUCTURED_CONTENT -> "clean_struct_cont";
            case CLEAN_GRAPHICS -> "clean_graph";
            default -> cliName.replace('-', '_');
        };
    }

    /** The option's CID 7050 code, read from {@code deidentification_method_codes.tsv}. */
    public DeidConfig.MethodCode methodCode() { return MethodCodes.forOption(this); }

    public static ProfileOption fromCliName(String name) {
        for (ProfileOption o : values()) {
            if (o.cliName.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + name + "'; known: " + java.util.Arrays.stream(values())
                .map(ProfileOption::cliName).toList());
    }
}
