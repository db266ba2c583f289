package org.cloak.deid.script.deid;

import java.util.List;
import java.util.Map;

/** A deid recipe as read, before compiling: every part with the line and column it was written at. */
final class Ast {
    private Ast() {}

    /** A FIELD as written (a keyword, a tag, an expander such as {@code endswith:Date}, {@code ALL}...). */
    record Field(String text, int line, int col) {}

    /** An action line of {@code %header} or {@code %labels}: ADD, BLANK, JITTER, KEEP, REMOVE or REPLACE. */
    record Action(String verb, Field field, String value, int valueCol, int line, int col) {}

    /** FIELD or SPLIT in a {@code %values} or {@code %fields} group. */
    record GroupAction(String verb, Field field, String value, int line, int col) {}

    /** A named {@code %values} or {@code %fields} section. */
    record Group(String kind, String name, List<GroupAction> actions, int line, int col) {}

    /** One test of a filter: {@code contains Modality CT}. */
    record Criterion(String op, String field, String value, int line, int col) {}

    /**
     * One line of a filter's criteria: its tests joined by {@code inner} operators ("and", "or")
     * from left to right, and the operator joining the line to the lines before it (null: or).
     */
    record Criteria(List<Criterion> tests, List<String> inner, String operator, int line) {}

    /** A LABEL of a {@code %filter} group, with its criteria lines and its coordinate lines. */
    record Label(String group, String name, List<Criteria> criteria, List<String> coordinates, int line, int col) {}

    /** The whole recipe. */
    record Recipe(List<Action> header, Map<String, Group> values, Map<String, Group> fields, List<Label> filters,
                  List<Action> labels) {}
}
