package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloak.deid.action.Clean;
import org.cloak.deid.action.Keep;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;

/**
 * The Basic Application Level Confidentiality Profile (PS3.15 E.2) with its options (E.3),
 * compiled from Table E.1-1 into one rule per row. Private attributes come first: they are
 * general rules, and placing them before the single-tag rows keeps the engine's lookup short.
 */
final class BasicProfile {
    static final String SAFE_PRIVATE_ORIGIN = "PS3.15 E.3.10-1 retain-safe-private";

    private BasicProfile() {}

    static List<Rule> rules(Set<ProfileOption> options) {
        List<Rule> out = new ArrayList<>(700);
        Ps315Table table = Ps315Table.standard();
        for (Ps315Table.Row row : table.rows()) {
            if (row.isAllPrivate()) {
                out.add(CodeResolver.basic(row).rule(row));
                if (options.contains(ProfileOption.RETAIN_SAFE_PRIVATE)
                        && row.code(ProfileOption.RETAIN_SAFE_PRIVATE).equals("C")) {
                    for (Selector.PrivateTag safe : SafePrivate.attributes()) {
                        out.add(new Rule(safe, new Keep(), SAFE_PRIVATE_ORIGIN));
                    }
                }
            }
        }
        for (Ps315Table.Row row : table.rows()) {
            if (row.isAllPrivate()) {
                continue;
            }
            if (row.isPattern() && row.vr() == null) {
                out.addAll(wholeGroupPattern(row, options));
            } else {
                out.add(CodeResolver.resolve(row, options).rule(row));
            }
        }
        return out;
    }

    /**
     * (50xx,xxxx) Curve Data covers elements of every VR. Its basic action applies to the whole
     * group; an option's C then cleans the text elements PS3.6 defines in the curve groups, and
     * the binary curve data stays removed since it cannot be cleaned.
     */
    private static List<Rule> wholeGroupPattern(Ps315Table.Row row, Set<ProfileOption> options) {
        List<Rule> out = new ArrayList<>();
        out.add(CodeResolver.basic(row).rule(row));
        String groupPrefix = row.tag().substring(0, 4);
        for (ProfileOption o : ProfileOption.values()) {
            String code = options.contains(o) ? row.code(o) : "";
            String origin = CodeResolver.ORIGIN + o.cliName();
            if (code.equals("K")) {
                out.add(new Rule(row.selector(), new Keep(), origin));
            } else if (code.equals("C")) {
                for (DictionaryRows.Entry e : DictionaryRows.entries()) {
                    if (e.tag().startsWith(groupPrefix) && !e.vrs().isEmpty() && e.vrs().get(0).isText()) {
                        out.add(new Rule(Selector.TagPattern.parse(e.tag()), new Clean(), origin + " (text element)"));
                    }
                }
            }
        }
        return out;
    }
}
