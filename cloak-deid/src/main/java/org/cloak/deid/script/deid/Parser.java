package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cloak.deid.script.ScriptException;

/**
 * Reads a deid recipe line by line as deid's {@code load_deid} does (deid/config/utils.py): blank
 * lines and {@code #} lines skipped, a {@code FORMAT} line, {@code %section [name]} lines, action
 * lines, and under a {@code %filter} section LABEL blocks whose lines run to the next LABEL or
 * section. Where deid warns and skips a line (an unknown action, a test outside a LABEL, an
 * action in lower case), Cloak stops with the line and column.
 */
final class Parser {
    static final Set<String> ACTIONS = Set.of("ADD", "BLANK", "JITTER", "KEEP", "REPLACE", "REMOVE");
    static final List<String> TESTS = List.of("contains", "notcontains", "equals", "notequals", "missing",
            "present", "empty");
    private static final Set<String> SECTIONS = Set.of("header", "labels", "filter", "values", "fields");
    private static final Pattern COORDINATES = Pattern.compile("all|from:\\S+|-?\\d+(\\s*,\\s*-?\\d+){3}");

    private final String file;
    private final List<String> lines;
    private int next;
    private String section;
    private String sectionName;

    private final List<Ast.Action> header = new ArrayList<>();
    private final List<Ast.Action> labels = new ArrayList<>();
    private final Map<String, Ast.Group> values = new LinkedHashMap<>();
    private final Map<String, Ast.Group> fields = new LinkedHashMap<>();
    private final List<Ast.Label> filters = new ArrayList<>();
    private boolean format;

    private Parser(String file, String text) {
        this.file = file;
        // a byte order mark before FORMAT is no part of the recipe
        this.lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
    }

    static Ast.Recipe parse(String file, String text) throws ScriptException {
        return new Parser(file, text).recipe();
    }

    private Ast.Recipe recipe() throws ScriptException {
        while (next < lines.size()) {
            int number = next + 1;
            String raw = lines.get(next++);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line(raw, line, number);
        }
        if (!format) {
            throw new ScriptException(file, 1, 1, "FORMAT", "a deid recipe starts with the line FORMAT dicom");
        }
        for (Map<String, Ast.Group> groups : List.of(values, fields)) {
            for (Ast.Group g : groups.values()) {
                if (g.actions().isEmpty()) {
                    throw new ScriptException(file, g.line(), g.col(), "%" + g.kind() + " " + g.name(),
                            "the group ends before any FIELD" + (g.kind().equals("values") ? " or SPLIT" : "")
                                    + " line: it would select nothing");
                }
            }
        }
        return new Ast.Recipe(header, values, fields, filters, labels);
    }

    private static int col(String raw) {
        int i = 0;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    private void line(String raw, String line, int number) throws ScriptException {
        String first = line.split("\\s+", 2)[0];
        if (first.equalsIgnoreCase("FORMAT")) {
            String fmt = line.substring(first.length()).split("#", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!fmt.equals("dicom")) {
                throw new ScriptException(file, number, col(raw), "FORMAT " + fmt,
                        "deid recipes are FORMAT dicom (deid knows no other format)");
            }
            format = true;
        } else if (line.startsWith("%")) {
            section(raw, line, number);
        } else if (section != null && (section.equals("values") || section.equals("fields"))) {
            groupAction(raw, line, number);
        } else if (first.equals("LABEL")) {
            if (!"filter".equals(section)) {
                throw new ScriptException(file, number, col(raw), "LABEL", "a LABEL belongs in a %filter section");
            }
            label(raw, line, number);
        } else if (ACTIONS.contains(first)) {
            action(raw, line, number);
        } else if (ACTIONS.contains(first.toUpperCase(Locale.ROOT)) || first.equalsIgnoreCase("LABEL")) {
            throw new ScriptException(file, number, col(raw), "action " + first,
                    "actions are written in capitals (deid silently skips " + first + ")");
        } else if (TESTS.contains(first.toLowerCase(Locale.ROOT)) || first.startsWith("+") || first.startsWith("||")) {
            throw new ScriptException(file, number, col(raw), "filter test", "a filter test belongs under a LABEL"
                    + " in a %filter section");
        } else {
            throw new ScriptException(file, number, col(raw), "action " + first,
                    "unknown action; deid recipes have ADD, BLANK, JITTER, KEEP, REMOVE, REPLACE and LABEL");
        }
    }

    private void section(String raw, String line, int number) throws ScriptException {
        String[] parts = line.split("#", 2)[0].strip().split("\\s+", 2);
        String name = parts[0].substring(1).toLowerCase(Locale.ROOT);
        String given = parts.length > 1 ? parts[1].strip() : null;
        if (!SECTIONS.contains(name)) {
            throw new ScriptException(file, number, col(raw), "section %" + name,
                    "unknown section; deid has %header, %filter, %values, %fields and %labels");
        }
        boolean named = name.equals("filter") || name.equals("values") || name.equals("fields");
        if (named && given == null) {
            throw new ScriptException(file, number, col(raw), "section %" + name, "needs a name, e.g. %" + name
                    + " " + (name.equals("filter") ? "blacklist" : "names"));
        }
        if (!named && given != null) {
            throw new ScriptException(file, number, col(raw), "section %" + name, "takes no name");
        }
        section = name;
        sectionName = given;
        Map<String, Ast.Group> groups = name.equals("values") ? values : name.equals("fields") ? fields : null;
        if (groups != null && !groups.containsKey(given)) {
            groups.put(given, new Ast.Group(name, given, new ArrayList<>(), number, col(raw)));
        }
    }

    private void action(String raw, String line, int number) throws ScriptException {
        int c = col(raw);
        String[] parts = split(line);
        String verb = parts[0];
        if (section == null) {
            throw new ScriptException(file, number, c, "action " + verb, "comes before any section: write %header"
                    + " above it");
        }
        if (section.equals("filter")) {
            throw new ScriptException(file, number, c, "action " + verb, "a %filter section holds LABEL blocks only");
        }
        if (parts.length < 2 || parts[1].startsWith("#")) {
            throw new ScriptException(file, number, c, "action " + verb, "needs a FIELD");
        }
        int fieldCol = raw.indexOf(parts[1], c - 1 + verb.length()) + 1;
        Ast.Field field = new Ast.Field(parts[1], number, fieldCol);
        String value = parts.length > 2 ? parts[2].split("#", 2)[0].strip() : "";
        int valueCol = value.isEmpty() ? 0 : raw.indexOf(value, fieldCol - 1 + parts[1].length()) + 1;
        boolean needsValue = verb.equals("ADD") || verb.equals("REPLACE") || verb.equals("JITTER");
        if (needsValue && value.isEmpty()) {
            throw new ScriptException(file, number, c, "action " + verb, "needs a VALUE after the FIELD");
        }
        if ((verb.equals("KEEP") || verb.equals("BLANK")) && !value.isEmpty()) {
            throw new ScriptException(file, number, valueCol, "action " + verb, "takes a FIELD only; deid ignores"
                    + " what follows it, so it is refused rather than dropped");
        }
        Ast.Action a = new Ast.Action(verb, field, value.isEmpty() ? null : value, valueCol, number, c);
        (section.equals("labels") ? labels : header).add(a);
    }

    private void groupAction(String raw, String line, int number) throws ScriptException {
        int c = col(raw);
        String[] parts = split(line);
        String verb = parts[0];
        if (!verb.equals("FIELD") && !verb.equals("SPLIT")) {
            throw new ScriptException(file, number, c, "%" + section + " " + verb, "a %" + section
                    + " group holds " + (section.equals("fields") ? "FIELD lines" : "FIELD and SPLIT lines"));
        }
        if (verb.equals("SPLIT") && section.equals("fields")) {
            throw new ScriptException(file, number, c, "%fields SPLIT", "%fields only supports FIELD (SPLIT splits"
                    + " values, in a %values group)");
        }
        if (parts.length < 2 || parts[1].startsWith("#")) {
            throw new ScriptException(file, number, c, verb, "needs a FIELD");
        }
        int fieldCol = raw.indexOf(parts[1], c - 1 + verb.length()) + 1;
        String value = parts.length > 2 ? parts[2].split("#", 2)[0].strip() : "";
        if (verb.equals("FIELD") && !value.isEmpty()) {
            throw new ScriptException(file, number, c, verb, "FIELD takes one FIELD (an expander selects several)");
        }
        Map<String, Ast.Group> groups = section.equals("values") ? values : fields;
        groups.get(sectionName).actions().add(new Ast.GroupAction(verb, new Ast.Field(parts[1], number, fieldCol),
                value.isEmpty() ? null : value, number, c));
    }

    /**
     * The verb, the FIELD and the rest of an action line. A FIELD that opens a parenthesis runs to
     * the closing one, so (0010, 0010) and (0033,"A CREATOR WITH SPACES",1E) are one FIELD.
     */
    static String[] split(String line) {
        String[] head = line.split("\\s+", 2);
        if (head.length < 2) {
            return head;
        }
        String rest = head[1];
        int end;
        if (rest.startsWith("(")) {
            boolean quoted = false;
            end = -1;
            for (int i = 0; i < rest.length() && end < 0; i++) {
                char ch = rest.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ')' && !quoted) {
                    end = i + 1;
                }
            }
            if (end < 0) {
                end = rest.length();
            }
        } else {
            end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                end++;
            }
        }
        String remainder = rest.substring(end).strip();
        return remainder.isEmpty() ? new String[] {head[0], rest.substring(0, end)}
                : new String[] {head[0], rest.substring(0, end), remainder};
    }

    /** A LABEL and its lines, up to the next LABEL or section (deid's parse_filter_group). */
    private void label(String raw, String line, int number) throws ScriptException {
        String name = line.substring("LABEL".length()).split("#", 2)[0].strip();
        List<Ast.Criteria> criteria = new ArrayList<>();
        List<String> coordinates = new ArrayList<>();
        while (next < lines.size()) {
            String memberRaw = lines.get(next);
            String member = memberRaw.strip();
            if (member.toUpperCase(Locale.ROOT).startsWith("LABEL") || member.startsWith("%")) {
                break;
            }
            next++;
            if (member.isEmpty() || member.startsWith("#")) {
                continue;
            }
            member(memberRaw, member, next, criteria, coordinates);
        }
        if (criteria.isEmpty() && coordinates.isEmpty()) {
            throw new ScriptException(file, number, col(raw), "LABEL " + name, "has no criteria and no coordinates");
        }
        filters.add(new Ast.Label(sectionName, name, criteria, coordinates, number, col(raw)));
    }

    private void member(String raw, String member, int number, List<Ast.Criteria> criteria,
                        List<String> coordinates) throws ScriptException {
        String lower = member.toLowerCase(Locale.ROOT);
        for (String word : List.of("coordinates", "keepcoordinates", "ctpcoordinates", "ctpkeepcoordinates")) {
            if (lower.startsWith(word + " ") || lower.equals(word)) {
                String value = member.substring(word.length()).strip();
                if (!COORDINATES.matcher(value).matches()) {
                    throw new ScriptException(file, number, col(raw), word, "expects x,y,x2,y2 (four whole numbers),"
                            + " all, or from:Field");
                }
                coordinates.add(word + " " + value);
                return;
            }
        }
        String operator = null;
        String rest = member;
        if (rest.startsWith("+")) {
            operator = "and";
            rest = rest.substring(1).strip();
        } else if (rest.startsWith("||")) {
            operator = "or";
            rest = rest.substring(2).strip();
        }
        if (rest.startsWith("#")) {
            return;
        }
        criteria.add(Filters.parseLine(file, raw, rest, operator, number));
    }
}
