package org.cloak.deid.script.ctp;

/**
 * What CTP does with an element once its script is evaluated (DICOMAnonymizer.processElements,
 * and insertElements for a missing element whose script starts with {@code @always()}).
 *
 * @param value the text to write, for {@link Kind#WRITE}
 */
record Decision(Kind kind, String value) {
    enum Kind { WRITE, REMOVE, KEEP, NOTHING, STOP }

    private static final int MAX_BLANKS = 55;
    static final Decision REMOVED = new Decision(Kind.REMOVE, null);
    static final Decision KEPT = new Decision(Kind.KEEP, null);
    static final Decision NONE = new Decision(Kind.NOTHING, null);
    static final Decision STOPPED = new Decision(Kind.STOP, null);

    /** An element that is there: trimmed; @remove() anywhere removes, @keep() keeps, @blank(n) writes n blanks. */
    static Decision present(String script) {
        String v = script.trim();
        if (v.contains("@remove()")) {
            return REMOVED;
        }
        if (v.equals("@keep()")) {
            return KEPT;
        }
        if (v.startsWith("@blank(")) {
            String n = v.substring("@blank(".length());
            int paren = n.indexOf(')');
            int count = paren < 0 ? 0 : Integer.parseInt("0" + n.substring(0, paren).replaceAll("\\D", ""));
            return new Decision(Kind.WRITE, " ".repeat(Math.min(count, MAX_BLANKS)));
        }
        return new Decision(Kind.WRITE, v.equals("@empty()") ? "" : v);
    }

    /** A missing element: @keep() and @remove() add nothing, @blank and @empty() add it empty, else with the text. */
    static Decision absent(String script) {
        if (script.equals("@keep()") || script.equals("@remove()")) {
            return NONE;
        }
        if (script.startsWith("@blank(") || script.equals("@empty()")) {
            return new Decision(Kind.WRITE, "");
        }
        return new Decision(Kind.WRITE, script);
    }
}
