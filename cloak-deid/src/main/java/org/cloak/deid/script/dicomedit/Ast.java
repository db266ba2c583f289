package org.cloak.deid.script.dicomedit;

import java.util.List;

/** The parsed form of a DicomEdit script: values, conditions and statements, each with its position. */
final class Ast {
    private Ast() {}

    /** A value: a string, a number, a tag path, a variable, a function call or a list. */
    sealed interface Node permits Str, Num, Path, Var, Fn, ListV {
        int line();

        int col();
    }

    record Str(String text, int line, int col) implements Node {}

    record Num(String text, int line, int col) implements Node {}

    /** A tag path as written, its steps outermost first. */
    record Path(List<Step> steps, String text, int line, int col) implements Node {}

    /** One step of a path: a tag (with its item, when a sequence) or a run of levels. */
    sealed interface Step permits TagStep, Wild {}

    /**
     * @param group four characters, hex digits or X, @, #
     * @param element four characters, or two after a creator
     * @param creator the private creator of {@code (gggg,{CREATOR}ee)}, else null
     * @param item the item index, {@link #ANY} for {@code [%]}, {@link #NONE} when not written
     */
    record TagStep(String group, String element, String creator, int item) implements Step {
        static final int ANY = -1;
        static final int NONE = -2;
    }

    /** {@code *}, {@code +} or {@code .}. */
    record Wild(char symbol) implements Step {}

    record Var(String name, int line, int col) implements Node {}

    record Fn(String name, List<Node> args, int line, int col) implements Node {}

    record ListV(List<Node> items, int line, int col) implements Node {}

    /** A condition: a comparison, or a function whose value is true or false. */
    sealed interface Cond permits Compare, BoolFn {}

    record Compare(Node left, String op, Node right) implements Cond {}

    record BoolFn(Node fn) implements Cond {}

    /** A statement. */
    sealed interface Stmt permits Assign, Init, Delete, CallStmt, Echo, Ternary, If, Version, Describe, Export,
            RemoveAllPrivate {
        int line();
    }

    record Assign(Path target, Node value, boolean ifExists, int line) implements Stmt {}

    record Init(String name, Node value, int line, int col) implements Stmt {}

    record Delete(Path target, int line) implements Stmt {}

    record CallStmt(Fn fn, int line) implements Stmt {}

    record Echo(Node value, int line) implements Stmt {}

    /** {@code cond ? a : b} (DicomEdit 4 writes {@code cond : a}); {@code otherwise} may be null. */
    record Ternary(Cond cond, Stmt then, Stmt otherwise, int line) implements Stmt {}

    record If(List<Branch> branches, List<Stmt> otherwise, int line) implements Stmt {}

    record Branch(Cond cond, List<Stmt> body) {}

    record Version(String version, int line, int col) implements Stmt {}

    record Describe(String name, int line) implements Stmt {}

    record Export(String name, int line) implements Stmt {}

    record RemoveAllPrivate(int line) implements Stmt {}
}
