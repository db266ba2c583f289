package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** round-age: an age (AS) above {@code maxYears} becomes {@code maxYears + 1} years ("90+" under HIPAA). */
public record RoundAge(int maxYears) implements Action {
    @Override
    public String code() { return "round-age"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        String v = ctx.text(e);
        if (v == null || v.isBlank()) {
            return e;
        }
        v = v.trim();
        if (!v.matches("\\d{3}[DWMY]")) {
            return new Empty().apply(e, ctx);
        }
        int n = Integer.parseInt(v.substring(0, 3));
        double years = switch (v.charAt(3)) {
            case 'D' -> n / 365.25;
            case 'W' -> n / 52.18;
            case 'M' -> n / 12.0;
            default -> n;
        };
        return years > maxYears ? ctx.withText(e, String.format("%03dY", maxYears + 1)) : e;
    }
}
