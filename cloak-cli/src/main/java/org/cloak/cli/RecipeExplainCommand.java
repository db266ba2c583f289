package org.cloak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeExplainer;
import org.cloak.deid.script.CompiledScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cloak recipe explain FILE}: prints the compiled rule for every attribute the recipe touches. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints the deciding rule for every attribute a recipe touches: tag, keyword, action, origin.")
public final class RecipeExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "recipe file (YAML) or a DicomEdit, CTP or deid script")
    Path file;

    @CommandLine.Option(names = "--profile", paramLabel = "P",
            description = "with a script: the base profile that decides what the script does not mention")
    String profile;

    /** What the script is given, as in {@code cloak run}. */
    @CommandLine.Mixin
    ScriptOptions scriptOptions = new ScriptOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptOptions.Split split;
        try {
            split = Files.isRegularFile(file) ? scriptOptions.split(List.of(file)) : null;
        } catch (RunCommand.UsageException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (split != null && !split.scripts().isEmpty()) {
            return explainScripts(split, out);
        }
        Recipe r = RecipeCheckCommand.load(file, err);
        if (r == null) {
            err.flush();
            return ExitCodes.FAILURE;
        }
        RecipeExplainer.explain(r).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    private int explainScripts(ScriptOptions.Split split, PrintWriter out) {
        CompiledScript s = split.scripts().get(0);
        RecipeExplainer.explain(Recipe.ofScripts(split.scripts(), profile)).forEach(out::println);
        if (profile == null) {
            out.println("(no base profile: the script runs alone, and every attribute it does not mention is kept;"
                    + " give --profile dicom-basic for the standard profile to decide those)");
        } else {
            out.println("(every attribute the script does not mention is decided by the " + profile + " profile)");
        }
        s.warnings().forEach(w -> out.println("warning: " + w));
        s.deviations().forEach(d -> out.println("differs from the original tool: " + d));
        out.flush();
        return ExitCodes.OK;
    }
}
