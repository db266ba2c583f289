package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/** Reads the recipe's {@code dates:} map into a {@link DateConfig}. */
final class DatesSection {
    static final List<String> MODES = DateConfig.Mode.labels();
    static final List<String> BIRTH_DATE = DateConfig.BirthDate.labels();
    private static final Set<String> KEYS = Set.of("mode", "min-days", "max-days", "zero-times", "schedule", "date",
            "birth-date");
    private static final int MAX_SHIFT = 36_600;

    private DatesSection() {}

    static DateConfig read(YamlNode node) throws RecipeException {
        DateConfig d = DateConfig.defaults();
        Fields f = Fields.of(node, "dates", KEYS);
        String mode = oneOf(f, "mode", d.mode().label(), MODES);
        String birth = oneOf(f, "birth-date", d.birthDate().label(), BIRTH_DATE);
        if (!mode.equals("shift")) {
            f.reject("zero-times", "applies to mode shift only");
            if (!birth.equals("shift")) {
                f.reject("min-days", "applies to mode shift (or birth-date shift) only");
                f.reject("max-days", "applies to mode shift (or birth-date shift) only");
            }
        }
        if (!mode.equals("timepoint")) {
            f.reject("schedule", "applies to mode timepoint only");
        }
        if (!mode.equals("fixed")) {
            f.reject("date", "applies to mode fixed only");
        }
        int min = f.integer("min-days", d.shiftMinDays(), -MAX_SHIFT, MAX_SHIFT);
        int max = f.integer("max-days", d.shiftMaxDays(), -MAX_SHIFT, MAX_SHIFT);
        if (min > max) {
            throw new RecipeException(f.keyLine("min-days"), "dates.min-days (" + min + ") is above max-days (" + max
                    + ")");
        }
        List<Integer> schedule = f.has("schedule") ? schedule(f) : d.schedule();
        String fixed = null;
        if (mode.equals("fixed")) {
            if (!f.has("date")) {
                throw new RecipeException(f.line(), "dates mode fixed needs 'date' (YYYYMMDD)");
            }
            fixed = f.text("date", null).trim();
            RuleSyntax.date(fixed, f.valueLine("date"));
        }
        return new DateConfig(DateConfig.Mode.parse(mode), min, max, f.bool("zero-times", d.zeroTimes()), schedule,
                fixed, DateConfig.BirthDate.parse(birth));
    }

    private static List<Integer> schedule(Fields f) throws RecipeException {
        List<Integer> months = new ArrayList<>();
        for (YamlNode n : f.list("schedule")) {
            if (!(n instanceof Scalar s) || s.type() != ScalarType.INTEGER) {
                throw new RecipeException(n.line(), "dates.schedule holds months as whole numbers, found " + n.kind());
            }
            int m = Fields.parseInt(s);
            if (m < 0 || m > 1200 || !months.isEmpty() && m <= months.get(months.size() - 1)) {
                throw new RecipeException(n.line(),
                        "dates.schedule must list months from 0 upwards in increasing order");
            }
            months.add(m);
        }
        if (months.isEmpty()) {
            throw new RecipeException(f.valueLine("schedule"), "dates.schedule must list at least one month");
        }
        return List.copyOf(months);
    }

    /** A value from a fixed vocabulary. */
    static String oneOf(Fields f, String key, String def, List<String> allowed) throws RecipeException {
        String v = f.name(key, def);
        v = v == null ? null : v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new RecipeException(f.valueLine(key), "unknown " + key + " '" + v + "'" + Suggest.hint(v, allowed)
                    + "; known: " + allowed);
        }
        return v;
    }
}
