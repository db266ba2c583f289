package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.verify.AttributeDiff;
import org.cloak.deid.verify.Difference;
import org.cloak.pipeline.verify.TreePairs;
import org.cloak.deid.verify.ValueText;
import org.cloak.pipeline.verify.VerifyOptions;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.vault.Vault;
import org.cloak.pipeline.vault.VaultException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak diff}: attribute-level differences of two files or two trees; the logic is {@link AttributeDiff}'s. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists attributes added, removed and changed between two DICOM files (items matched by",
                "position), or between the files of two folders paired by the run's audit report (--audit),",
                "by SOP Instance UID or by relative path.",
                "Exit status, as diff(1): 0 no difference, 1 differences, 2 trouble (a file did not parse)."})
public final class DiffCommand implements Callable<Integer> {
    /** diff(1)'s status for trouble, so scripts can tell "different" from "could not compare". */
    static final int TROUBLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "a file or folder (e.g. the original)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "a file or folder (e.g. the de-identified output)")
    Path b;

    /**
     * Pair B's files with A's through the UIDs of the run that made B ( its vault's secret; default vault when not
     * given).
     */
    @CommandLine.Mixin
    VaultCommand.KeyOptions key = new VaultCommand.KeyOptions();

    @Option(names = "--audit", paramLabel = "FILE",
            description = "pair B's files with A's through the CSV audit report of the run that made B from A")
    Path audit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (Files.isDirectory(a) != Files.isDirectory(b)) {
                err.println("cloak diff: compare a file with a file, or a folder with a folder");
                return TROUBLE;
            }
            if (!Files.isDirectory(a)) {
                return files(out, a, b, null) ? 1 : 0;
            }
            return trees(out, err);
        } catch (IOException | PseudonymException | VaultException | IllegalArgumentException e) {
            err.println("cloak diff: " + e.getMessage());
            return TROUBLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int trees(PrintWriter out, PrintWriter err) throws IOException {
        // the run's vault, as verify finds it: the one named, else the default one
        Secret secret = secret(key.vaultDir());
        if (key.vault != null && secret == null) {
            err.println("cloak diff: no secret in " + key.vault + "; pairing by relative path and unchanged UIDs only");
        }
        TreePairs t = TreePairs.of(a, b, secret == null ? null : new UidHasher(secret),
                audit == null ? null : AuditPairing.read(audit, a));
        int differing = 0;
        for (TreePairs.Pair p : t.pairs()) {
            String header = "== " + p.a() + (p.a().equals(p.b()) ? "" : " -> " + p.b());
            differing += files(out, a.resolve(p.a()), b.resolve(p.b()), header) ? 1 : 0;
        }
        t.onlyA().forEach(p -> out.println("only in A: " + p));
        t.onlyB().forEach(p -> out.println("only in B: " + p));
        t.unreadable().forEach(p -> err.println("cloak diff: not readable as DICOM: " + p));
        out.println(t.pairs().size() + " pairs, " + differing + " differ; " + t.onlyA().size() + " only in A, "
                + t.onlyB().size() + " only in B");
        if (!t.unreadable().isEmpty()) {
            return TROUBLE;
        }
        return differing > 0 || !t.onlyA().isEmpty() || !t.onlyB().isEmpty() ? 1 : 0;
    }

    /** The run's secret: from the encrypted vault (opened, never created), else a legacy plain key. */
    private Secret secret(Path dir) throws IOException {
        if (!Vault.exists(dir)) {
            return VerifyOptions.existingSecret(dir);
        }
        try (Vault v = Vault.open(dir, key.keySource(System.getenv()))) {
            return v.secret();
        }
    }

    /**
     * Prints the differences of two files ( after {@code header} when given and there are any); true when they differ.
     */
    private static boolean files(PrintWriter out, Path x, Path y, String header) throws IOException {
        List<Difference> diffs = AttributeDiff.diff(DicomReader.read(x).dataset(), DicomReader.read(y).dataset());
        if (!diffs.isEmpty() && header != null) {
            out.println(header);
        }
        for (Difference d : diffs) {
            out.println(line(d));
        }
        return !diffs.isEmpty();
    }

    static String line(Difference d) {
        String where = d.path() + " " + d.keyword();
        return switch (d.change()) {
            case ADDED -> "added   " + where + ": " + value(d.after());
            case REMOVED -> "removed " + where + ": " + value(d.before());
            case CHANGED -> "changed " + where + ": " + value(d.before()) + " -> " + value(d.after());
        };
    }

    private static String value(org.cloak.deid.verify.AttributePath.Located l) {
        return "[" + ValueText.of(l.owner(), l.element()) + "]";
    }
}
