package org.cloak.deid.profile;

import java.util.Set;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Clean;
import org.cloak.deid.action.Dummy;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ReplaceUid;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.rule.Rule;
import org.cloak.dicom.dict.Vr;

/**
 * Turns the action codes of Table E.1-1 into engine actions (docs/profiles.md explains each
 * choice):
 * <ul>
 *   <li>compound codes take the variant that is valid whatever the attribute's type in the IOD
 *       at hand: Z/D, X/D, X/Z/D as D; X/Z as Z; X/Z/U* as U (E.1-1a);</li>
 *   <li>D on a UI is a UID replacement; D on a code sequence empties it, since Cloak writes no
 *       dummy code item and the walked items would keep the identifying code;</li>
 *   <li>an option's requirement overrides the Basic Profile's (PS3.15 E.1.1); when two options
 *       disagree on one attribute, C (the value is changed) wins over K;</li>
 *   <li>C is Clean for text and sequences, a date shift for Retain Longitudinal Temporal
 *       Information with Modified Dates; a binary value cannot be cleaned, so there the basic
 *       action stays.</li>
 * </ul>
 */
final class CodeResolver {
    static final String ORIGIN = "PS3.15 E.1-1 ";
    private static final String CODE_SEQUENCE = "CodeSequence";

    private CodeResolver() {}

    /** An action, the rule origin that explains it, and the table code it came from. */
    record Resolved(Action action, String origin, String code) {
        Rule rule(Ps315Table.Row row) { return new Rule(row.selector(), action, origin); }
    }

    /** The action for a row under the Basic Profile and the given options. */
    static Resolved resolve(Ps315Table.Row row, Set<ProfileOption> options) {
        Resolved chosen = null;
        for (ProfileOption o : ProfileOption.values()) {
            Resolved r = options.contains(o) ? option(row, o) : null;
            if (r == null) {
                continue;
            }
            if (chosen == null) {
                chosen = r;
            } else if (r.code().equals("C") && !chosen.code().equals("C")) {
                chosen = new Resolved(r.action(), r.origin() + " (over " + chosen.origin().substring(ORIGIN.length())
                        + " " + chosen.code() + ")", r.code());
            }
        }
        return chosen != null ? chosen : basic(row);
    }

    /** The Basic Profile's action for a row. */
    static Resolved basic(Ps315Table.Row row) {
        String code = row.basic();
        String effective = switch (code) {
            case "Z/D", "X/D", "X/Z/D" -> "D";
            case "X/Z" -> "Z";
            case "X/Z/U*" -> "U";
            default -> code;
        };
        String origin = ORIGIN + "basic" + (effective.equals(code) ? "" : " " + code + " as " + effective);
        Action action = action(effective, row);
        if (effective.equals("D") && action instanceof Empty) {
            origin += " (code sequence emptied)";
        }
        return new Resolved(action, origin, code);
    }

    /**
     * An option column's action for a row, or null when the option leaves the row to the basic
     * action: no code in the column, or a C that cannot apply to the attribute's VR.
     */
    static Resolved option(Ps315Table.Row row, ProfileOption option) {
        String code = row.code(option);
        if (code.isEmpty() || row.isAllPrivate()) {
            return null;
        }
        String origin = ORIGIN + option.cliName();
        if (code.equals("K")) {
            return new Resolved(new Keep(), origin, code);
        }
        if (!code.equals("C")) {
            throw new IllegalStateException("Could not resolve option code " + code + " of " + row.tag());
        }
        Vr vr = row.vr();
        if (option == ProfileOption.RETAIN_LONG_MODIFIED_DATES) {
            boolean date = vr == Vr.DA || vr == Vr.DT || vr == Vr.TM;
            return date ? new Resolved(new ShiftDate(false), origin, code) : null;
        }
        if (vr != null && (vr.isText() || vr.isSequence())) {
            return new Resolved(new Clean(), origin, code);
        }
        return null;
    }

    private static Action action(String code, Ps315Table.Row row) {
        Vr vr = row.vr();
        return switch (code) {
            case "X" -> new Remove();
            case "Z" -> new Empty();
            case "K" -> new Keep();
            case "C" -> new Clean();
            case "U" -> new ReplaceUid();
            case "D" -> {
                if (vr == Vr.UI) {
                    yield new ReplaceUid();
                }
                yield vr == Vr.SQ && row.keyword().endsWith(CODE_SEQUENCE) ? new Empty() : new Dummy();
            }
            default -> throw new IllegalStateException("Could not resolve action code " + code + " of " + row.tag());
        };
    }
}
