package org.cloak.cli;

import org.cloak.deid.DeidStep;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.deid.recipe.Recipe;
import org.cloak.pixel.step.PixelStep;
import picocli.CommandLine.Option;

/**
 * The pixel flags of {@code cloak run}: OCR mode and scope over the recipe's {@code pixels}
 * section. The flag without a scope reads every image of the run; the step exists only when a
 * rule or OCR is configured, so a run without either writes exactly what it wrote before.
 */
public final class PixelTextOptions {
    @Option(names = "--pixel-text", paramLabel = "MODE",
            description = "OCR of burned-in text: off, detect, redact, redact-phi or quarantine"
                    + " (default: the recipe's)")
    String mode;

    @Option(names = "--pixel-text-scope", paramLabel = "S",
            description = "images OCR reads: all, at-risk or modalities like US,SC (default with --pixel-text: all)")
    String scope;

    /** The pixel step for this recipe and these flags, or null when neither asks for one. */
    DeidStep step(Recipe recipe) throws RunCommand.UsageException {
        PixelPolicy policy = policy(recipe);
        return policy.isEmpty() ? null : PixelStep.of(policy);
    }

    PixelPolicy policy(Recipe recipe) throws RunCommand.UsageException {
        PixelPolicy p = recipe.pixels();
        try {
            if (mode != null) {
                p = p.withText(TextMode.of(mode), scope != null ? TextScope.of(scope) : TextScope.ALL);
            } else if (scope != null) {
                p = p.withText(p.text(), TextScope.of(scope));
            }
        } catch (IllegalArgumentException e) {
            throw new RunCommand.UsageException(e.getMessage());
        }
        return p;
    }
}
