package org.cloak.deid.script.ctp;

/**
 * One line of a DicomAnonymizer script, as CTP's DAScript reads both forms: a parameter
 * ({@code <p t="NAME">} or {@code param.NAME=}), an element script ({@code <e t="..">} or
 * {@code set.[..]NAME=}), a keep ({@code <k>} or {@code keep.}) or a remove ({@code <r>} or
 * {@code remove.}) switch.
 *
 * @param enabled false for {@code en="F"} (CTP keeps the line but does not use it)
 * @param target what the {@code t} attribute or key names, with its position
 * @param name the element's name after the tag, as CTP's configurator shows it (may be empty)
 * @param value the parameter value or element script, with positions
 */
record Entry(Kind kind, boolean enabled, Located target, String name, Located value) {
    enum Kind { PARAM, ELEMENT, KEEP, REMOVE }

    int line() { return target.lineAt(0); }

    int column() { return target.columnAt(0); }
}
