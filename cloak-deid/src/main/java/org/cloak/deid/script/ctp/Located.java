package org.cloak.deid.script.ctp;

/**
 * Text read from a script with the line and column each of its characters came from, so an
 * error found in a value (after XML entities or properties escapes were decoded) points at the
 * place in the file.
 *
 * @param lines 1-based line of each character, one more entry for the end of the text
 * @param columns 1-based column of each character, one more entry for the end of the text
 */
record Located(String text, int[] lines, int[] columns) {

    /** Text that sits on one line from a column. */
    static Located at(String text, int line, int column) {
        int[] ls = new int[text.length() + 1];
        int[] cs = new int[text.length() + 1];
        for (int i = 0; i <= text.length(); i++) {
            ls[i] = line;
            cs[i] = column + i;
        }
        return new Located(text, ls, cs);
    }

    int lineAt(int index) { return lines[Math.min(Math.max(index, 0), text.length())]; }

    int columnAt(int index) { return columns[Math.min(Math.max(index, 0), text.length())]; }

    /** Characters {@code from} (inclusive) to {@code to} (exclusive), with their positions. */
    Located sub(int from, int to) {
        int[] ls = new int[to - from + 1];
        int[] cs = new int[to - from + 1];
        System.arraycopy(lines, from, ls, 0, to - from + 1);
        System.arraycopy(columns, from, cs, 0, to - from + 1);
        return new Located(text.substring(from, to), ls, cs);
    }

    /** Without leading and trailing white space (as CTP trims a value). */
    Located trim() {
        int a = 0;
        int b = text.length();
        while (a < b && text.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && text.charAt(b - 1) <= ' ') {
            b--;
        }
        return sub(a, b);
    }
}
