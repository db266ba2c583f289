package org.cloak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.deid.script.CompiledScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cloak recipe check FILE...}: validates recipes; problems go to stderr as FILE:LINE: message. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates recipe files and scripts. Exit 0 when all are valid, 1 otherwise",
                "(FILE:LINE: message on stderr; FILE:LINE:COLUMN for scripts)."})
public final class RecipeCheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "recipe files: YAML, or DicomEdit, CTP and deid scripts")
    List<Path> files;

    /** What the scripts are given, as in {@code cloak run} (--var, --param, --lookup...). */
    @CommandLine.Mixin
    ScriptOptions scriptOptions = new ScriptOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        for (Path file : files) {
            ScriptOptions.Split split;
            try {
                split = Files.isRegularFile(file) ? scriptOptions.split(List.of(file)) : null;
            } catch (RunCommand.UsageException e) {
                err.println(e.getMessage());
                invalid++;
                continue;
            }
            if (split != null && !split.scripts().isEmpty()) {
                printScript(file, split.scripts().get(0), out);
                continue;
            }
            Recipe r = load(file, err);
            if (r == null) {
                invalid++;
            } else {
                out.println(file + ": valid (profile " + r.profile() + ", " + r.overrides().size()
                        + " attribute rules)");
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** A script that compiled: its language, passes, and what explain and the docs warn about. */
    static void printScript(Path file, CompiledScript s, PrintWriter out) {
        out.println(file + ": valid (" + s.format().word() + " script, " + s.stages().size()
                + (s.stages().size() == 1 ? " pass)" : " passes)"));
        s.warnings().forEach(w -> out.println("  warning: " + w));
        s.deviations().forEach(d -> out.println("  differs from the original tool: " + d));
    }

    /**
     * Reads and compiles a recipe, or prints why it cannot be used and returns null. Compiling
     * too catches what only the profile can judge (e.g. options it refuses).
     */
    static Recipe load(Path file, PrintWriter err) {
        try {
            Recipe r = RecipeReader.read(file);
            RecipeCompiler.compile(r, new Secret(new byte[32]), LocalDate.now(), false);
            return r;
        } catch (RecipeException e) {
            err.println(file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.detail());
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
        }
        return null;
    }
}
