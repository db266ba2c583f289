package org.cloak.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;
import org.cloak.pipeline.vault.VaultException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloak vault lookup}: one ID, either side of the map. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = {"Looks up an ID both ways: original <-> pseudonym, date offset, time point baseline.",
                "The ID may be an original or new PatientID, or an original or new UID.",
                "Exit status: 0 found, 1 not found or the vault could not be opened."})
public final class VaultLookupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    VaultCommand.KeyOptions key;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "original or new patient ID, or a UID")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ReidMap.Entry> found;
        try {
            found = Vault.open(key.vaultDir(), key.keySource(System.getenv())).lookup(id);
        } catch (VaultException | IllegalArgumentException e) {
            err.println("cloak vault lookup: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (found.isEmpty()) {
            err.println("cloak vault lookup: not in the vault " + key.vaultDir());
            return ExitCodes.FAILURE;
        }
        found.forEach(e -> out.println(line(e)));
        out.flush();
        return ExitCodes.OK;
    }

    static String line(ReidMap.Entry e) {
        if (e instanceof ReidMap.Uid u) {
            return "uid      " + u.original() + " <-> " + u.replacement();
        }
        ReidMap.Patient p = (ReidMap.Patient) e;
        StringBuilder b = new StringBuilder("patient  ").append(p.originalId()).append(" <-> ")
                .append(String.join(", ", p.pseudonyms()));
        if (!p.dateOffsets().isEmpty()) {
            b.append("  date offset ").append(join(p.dateOffsets())).append(" days");
        }
        if (!p.timepointBaselines().isEmpty()) {
            b.append("  baseline ").append(join(p.timepointBaselines()));
        }
        return b.toString();
    }

    private static String join(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
