package org.cloak.deid.profile;

import java.util.HashMap;
import java.util.Map;
import org.cloak.deid.DeidConfig.MethodCode;

/**
 * PS3.16 CID 7050 De-identification Method, read from {@code deidentification_method_codes.tsv}:
 * the codes written into De-identification Method Code Sequence (0012,0064) (PS3.15 E.1.1).
 */
final class MethodCodes {
    private static final String RESOURCE = "deidentification_method_codes.tsv";

    private final MethodCode basic;
    private final Map<String, MethodCode> byOption;

    private MethodCodes(MethodCode basic, Map<String, MethodCode> byOption) {
        this.basic = basic;
        this.byOption = byOption;
    }

    private static final class Holder {
        static final MethodCodes INSTANCE = load();
    }

    /** 113100 Basic Application Confidentiality Profile: the row without an option. */
    static MethodCode basicProfile() { return Holder.INSTANCE.basic; }

    static MethodCode forOption(ProfileOption option) {
        MethodCode code = Holder.INSTANCE.byOption.get(option.cliName());
        if (code == null) {
            throw new IllegalStateException("Could not find a CID 7050 code for option " + option.cliName());
        }
        return code;
    }

    private static MethodCodes load() {
        StandardTable t = StandardTable.load(MethodCodes.class, RESOURCE);
        int value = t.column("code_value");
        int scheme = t.column("coding_scheme");
        int meaning = t.column("code_meaning");
        int option = t.column("option");
        MethodCode basic = null;
        Map<String, MethodCode> byOption = new HashMap<>();
        for (String[] c : t.rows()) {
            MethodCode code = new MethodCode(c[value], c[scheme], c[meaning]);
            if (c[option].isEmpty()) {
                basic = code;
            } else {
                byOption.put(c[option], code);
            }
        }
        if (basic == null) {
            throw new IllegalStateException("Could not find the Basic Profile code in " + RESOURCE);
        }
        return new MethodCodes(basic, Map.copyOf(byOption));
    }
}
