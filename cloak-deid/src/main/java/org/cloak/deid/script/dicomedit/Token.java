package org.cloak.deid.script.dicomedit;

/** One lexical token of a DicomEdit script, with its 1-based position. */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        TAG, STRING, NUMBER, ID, NEWLINE, EOF,
        ASSIGN, ASSIGN_IF_EXISTS, MINUS, EQUALS, NOT_EQUALS, MATCHES, NOT_MATCHES,
        QUESTION, COLON, COMMA, SLASH, LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE,
        STAR, PLUS, DOT, PERCENT
    }

    boolean is(Kind k) { return kind == k; }

    boolean isWord(String w) { return kind == Kind.ID && text.equals(w); }
}
