package org.cloak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeExplainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cloak recipe explain FILE}: prints the compiled rule for every attribute the recipe touches. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints the deciding rule for every attribute a recipe touches: tag, keyword, action, origin.")
public final class RecipeExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "recipe file (YAML)")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Recipe r = RecipeCheckCommand.load(file, err);
        if (r == null) {
            err.flush();
            return ExitCodes.FAILURE;
        }
        RecipeExplainer.explain(r).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
