package org.cloak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cloak recipe}: works with recipe files (format: docs/recipe.md). */
@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Checks and explains recipe files (docs/recipe.md).",
        subcommands = {RecipeCheckCommand.class, RecipeExplainCommand.class})
public final class RecipeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
