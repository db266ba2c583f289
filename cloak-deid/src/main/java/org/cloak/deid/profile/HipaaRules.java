package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.RoundAge;
import org.cloak.deid.action.YearOnly;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * What the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)) needs beyond the Basic Profile:
 * dates reduced to the year, ages over 89 aggregated as 90, and addresses, geographic
 * coordinates and contact numbers removed whatever the options say. The mapping of all 18
 * identifier classes to rules is in docs/profiles.md.
 */
final class HipaaRules {
    static final int AGE_LIMIT_YEARS = 89;
    private static final String ORIGIN = "HIPAA Safe Harbor ";
    /** Any age value other than days, weeks, months (999M is 83 years) or up to 089Y. */
    private static final String AGE_OVER_89_OR_UNREADABLE = "^(?!(0[0-8]\\d[DWMY]|\\d{3}[DWM])$).*";

    private HipaaRules() {}

    /** Rules placed before the profile's table rows: defaults for attributes the table does not list. */
    static List<Rule> before() {
        return List.of(
                new Rule(new Selector.StandardVr(EnumSet.of(Vr.PN)), new Empty(),
                        ORIGIN + "(A) names: person name not in E.1-1"),
                new Rule(new Selector.StandardVr(EnumSet.of(Vr.UR)), new Remove(),
                        ORIGIN + "(N)(R) URL not in E.1-1: may carry original UIDs"));
    }

    /** Rules placed after the profile and its options, so that they win. */
    static List<Rule> after() {
        List<Rule> out = new ArrayList<>();
        out.add(new Rule(new Selector.StandardVr(EnumSet.of(Vr.DA, Vr.DT, Vr.TM)), new YearOnly(),
                ORIGIN + "(C) dates: year only, times zeroed"));
        Selector birthDate = new Selector.TagIs(Tag.PatientBirthDate);
        out.add(new Rule(birthDate, new YearOnly(), ORIGIN + "(C) birth date: year only"));
        out.add(new Rule(birthDate, Condition.on(Tag.PatientAge, Condition.Op.ABSENT, null), new Empty(),
                ORIGIN + "(C) birth date: emptied, no age shows it is 89 or under"));
        out.add(new Rule(birthDate, Condition.on(Tag.PatientAge, Condition.Op.MATCHES, AGE_OVER_89_OR_UNREADABLE),
                new Empty(), ORIGIN + "(C) birth date: emptied, age over 89 or unreadable"));
        out.add(new Rule(new Selector.TagIs(Tag.PatientAge), new RoundAge(AGE_LIMIT_YEARS),
                ORIGIN + "(C) ages over 89 as 090Y"));
        for (Ps315Table.Row row : Ps315Table.standard().rows()) {
            if (row.isAllPrivate() || row.isPattern()) {
                continue;
            }
            String k = row.keyword();
            if (k.endsWith("Address") || k.contains("Residence") || k.startsWith("GPS")) {
                out.add(new Rule(row.selector(), new Remove(), ORIGIN + "(B) geographic subdivisions"));
            } else if (k.contains("Telephone") || k.contains("Telecom")) {
                out.add(new Rule(row.selector(), new Remove(), ORIGIN + "(D)(E)(F) telephone, fax, e-mail"));
            }
        }
        return out;
    }
}
