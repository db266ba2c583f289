package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Outcome;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.script.ScriptException;

/**
 * {@code %filter} groups as gates. deid's recipe-filters documentation: an image belongs to the
 * first group, in recipe order, with a LABEL that flags it; a whitelist image "can be passed
 * without intervention", a graylist one has PHI at known coordinates, a blacklist one may have
 * PHI anywhere. Cloak's pixel step does not take deid's coordinates yet, so a file that a group
 * other than {@code whitelist} claims is quarantined (reason PIXELS) with the group and LABEL as
 * the reason, never passed on with its pixels uncleaned; a file a whitelist claims first passes.
 */
final class FilterGates {
    private FilterGates() {}

    static List<DeidConfig.Gate> gates(String file, List<Ast.Label> labels, List<String> warnings)
            throws ScriptException {
        List<DeidConfig.Gate> out = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Ast.Label l : labels) {
            if (!order.contains(l.group())) {
                order.add(l.group());
            }
        }
        List<Condition> whitelisted = new ArrayList<>();
        for (String group : order) {
            boolean white = group.toLowerCase(Locale.ROOT).equals("whitelist");
            List<Condition> claims = new ArrayList<>();
            for (Ast.Label l : labels) {
                if (!l.group().equals(group)) {
                    continue;
                }
                Condition flagged = Filters.condition(file, l, warnings);
                claims.add(flagged);
                if (white) {
                    continue;
                }
                Condition when = whitelisted.isEmpty() ? flagged
                        : Condition.all(flagged, Condition.not(new Condition.Any(whitelisted)));
                out.add(new DeidConfig.Gate(when, Outcome.Reason.PIXELS, message(file, l)));
            }
            if (white) {
                whitelisted.addAll(claims);
            }
        }
        return out;
    }

    private static String message(String file, Ast.Label l) {
        String where = "deid %filter " + l.group() + " LABEL \"" + l.name() + "\" (" + file + " line " + l.line() + ")";
        return l.coordinates().isEmpty()
                ? "flagged by " + where + ": the image may carry burned-in PHI"
                : "flagged by " + where + ": its pixel coordinates are not cleaned by Cloak yet, so the file is held"
                        + " rather than passed on uncleaned";
    }
}
