package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.IdentifierSource;
import org.cloak.pipeline.vault.VaultException;
import org.cloak.pipeline.verify.ReportHtml;
import org.cloak.pipeline.verify.ReportJson;
import org.cloak.pipeline.verify.SignOff;
import org.cloak.pipeline.verify.SignOffLog;
import org.cloak.pipeline.verify.ValuesFileIdentifiers;
import org.cloak.pipeline.verify.Verifier;
import org.cloak.pipeline.verify.VerifyOptions;
import org.cloak.pipeline.verify.VerifyReport;
import org.cloak.pixel.verify.PixelVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code cloak verify}: the second person's check of a run's output; the logic is {@link Verifier}'s. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a de-identified output: changed as the recipe meant and nothing else (with the",
                "originals), no identifying value left anywhere, files intact and references resolved.",
                "Exit status: 0 pass, 1 failing findings (or a usage error)."})
public final class VerifyCommand implements Callable<Integer> {
    private static final int LISTED = 30;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder of a run")
    Path out;

    @Option(names = "--in", paramLabel = "DIR", description = "the run's input folder (the originals)")
    Path in;

    @Option(names = "--recipe", paramLabel = "FILE", description = "the recipe or scripts the run used (repeatable)")
    List<Path> recipeFiles;

    /** The script flags the run used (--var, --lookup, --param...). */
    @CommandLine.Mixin
    ScriptOptions scriptOptions = new ScriptOptions();

    @Option(names = "--profile", paramLabel = "P", description = "the profile the run used (as for cloak run)")
    String profile;

    @Option(names = "--option", paramLabel = "O", description = "a PS3.15 option the run used (repeatable)")
    List<String> options;

    /** The pixel flags the run used (--pixel-text, --pixel-text-scope): its pixel step is replayed. */
    @CommandLine.Mixin
    PixelTextOptions pixelText = new PixelTextOptions();

    /** The run's vault and its key; the vault is opened, never created. */
    @CommandLine.Mixin
    VaultCommand.KeyOptions key = new VaultCommand.KeyOptions();

    /** The environment (a field so tests can give their own). */
    Map<String, String> env = System.getenv();

    @Option(names = "--values", paramLabel = "FILE",
            description = "CSV of identifying values (patient,kind,value) to search when the originals are gone")
    Path values;

    @Option(names = "--report", paramLabel = "FILE", description = "write the HTML report here")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "write the JSON report here")
    Path json;

    @Option(names = "--show-values", description = "put clear values in the reports (they may be PHI)")
    boolean showValues;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "sign the check off in OUT/.cloak/signoff.jsonl")
    String reviewer;

    @Option(names = "--note", paramLabel = "TEXT", description = "the reviewer's note for the sign-off")
    String note;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per processor)")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            VerifyReport r = new Verifier(options()).run();
            if (report != null) {
                ReportHtml.write(r, report);
            }
            if (json != null) {
                ReportJson.write(r, json);
            }
            if (reviewer != null) {
                SignOffLog.append(r.outDir() == null ? out : Path.of(r.outDir()),
                        SignOff.of(r, reviewer, note, Instant.now().toString()));
            }
            print(stdout, r);
            return r.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (RunCommand.UsageException | IOException | PseudonymException | IllegalArgumentException
                 | VaultException e) {
            err.println("cloak verify: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cloak verify: interrupted");
            return ExitCodes.FAILURE;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    private VerifyOptions options() throws RunCommand.UsageException, IOException {
        if (!Files.isDirectory(out)) {
            throw new RunCommand.UsageException("--out " + out + " is not a folder");
        }
        if (in != null && !Files.isDirectory(in)) {
            throw new RunCommand.UsageException("--in " + in + " is not a folder");
        }
        if (note != null && reviewer == null) {
            throw new RunCommand.UsageException("--note goes with --reviewer");
        }
        IdentifierSource fromFile = values == null ? null : ValuesFileIdentifiers.read(values);
        Recipe recipe = recipe();
        VerifyOptions o = VerifyOptions.of(out).withInput(in).withRecipe(recipe, label())
                .withRunSecret(key.vaultDir(), key.keySource(env), fromFile)
                .withPixels(pixelText.step(recipe), PixelVerifier.standard())
                .showingValues(showValues);
        return threads == null ? o : o.withThreads(threads);
    }

    /** The recipe exactly as {@code cloak run} builds it from the same flags. */
    private Recipe recipe() throws RunCommand.UsageException {
        RecipeOptions run = new RecipeOptions();
        run.recipeFiles = recipeFiles;
        run.scriptOptions = scriptOptions;
        run.profile = profile;
        run.options = options;
        return run.recipe();
    }

    private String label() {
        StringBuilder sb = new StringBuilder();
        if (recipeFiles != null) {
            sb.append("recipe ").append(String.join(", ", recipeFiles.stream().map(f -> f.getFileName().toString())
                    .toList()));
        }
        if (profile != null || recipeFiles == null) {
            sb.append(sb.length() > 0 ? ", " : "").append("profile ").append(profile != null ? profile : "dicom-basic");
        }
        if (options != null && !options.isEmpty()) {
            sb.append(", options ").append(String.join(" ", options));
        }
        return sb.toString();
    }

    private static void print(PrintWriter o, VerifyReport r) {
        VerifyReport.Counts c = r.counts();
        o.printf(Locale.ROOT, "cloak verify: %s: %d outputs, %d compared with their original, %d failing findings,"
                + " %d warnings (%.1f s)%n", r.passed() ? "PASS" : "FAIL", c.outputs(), c.pairs(), c.fails(),
                c.warnings(), r.millis() / 1000.0);
        for (String n : r.notes()) {
            o.println("  note: " + n);
        }
        List<Finding> f = r.findings();
        for (int i = 0; i < f.size() && i < LISTED; i++) {
            Finding x = f.get(i);
            o.println("  " + x.severity() + " " + x.kind() + " " + x.file() + " " + x.path() + " " + x.keyword()
                    + (x.value().isEmpty() ? "" : " [" + x.value() + "]") + ": " + x.detail());
        }
        if (f.size() > LISTED) {
            o.println("  ... and " + (f.size() - LISTED) + " more (see --report or --json)");
        }
    }
}
