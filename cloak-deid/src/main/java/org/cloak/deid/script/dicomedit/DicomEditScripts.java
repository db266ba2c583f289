package org.cloak.deid.script.dicomedit;

import java.util.List;
import java.util.Set;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;

/**
 * Compiles an XNAT DicomEdit script: version 6.0 to 6.7 (and "7.0", which XNAT's basic profile
 * declares for the same language) when it has a {@code version} line, DicomEdit 4 when it has
 * none, as XNAT reads them.
 */
public final class DicomEditScripts {
    private static final Set<String> VERSIONS = Set.of("6.0", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "7.0");

    private DicomEditScripts() {}

    /**
     * @param name the file name, for origins and messages
     * @throws ScriptException for anything Cloak cannot run exactly, with its line and column
     */
    public static CompiledScript compile(String name, String text, ScriptInputs inputs) throws ScriptException {
        List<Token> tokens = Lexer.tokens(name, text);
        String version = version(name, tokens);
        boolean de4 = version == null;
        List<Ast.Stmt> statements = Parser.parse(name, tokens, de4);
        return new Compiler(name, inputs, de4).compile(statements);
    }

    /** The declared version (checked), or null for DicomEdit 4. */
    private static String version(String name, List<Token> tokens) throws ScriptException {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean lineStart = k == 0 || tokens.get(k - 1).is(Token.Kind.NEWLINE);
            if (lineStart && t.isWord("version") && tokens.get(k + 1).is(Token.Kind.STRING)) {
                String v = tokens.get(k + 1).text().trim();
                if (!VERSIONS.contains(v)) {
                    throw new ScriptException(name, t.line(), t.column(), "version \"" + v + "\"",
                            "DicomEdit versions 6.0 to 6.7 are read (and scripts with no version line as DicomEdit 4)");
                }
                return v;
            }
        }
        return null;
    }
}
