package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cloak.pipeline.vault.Vault;
import org.cloak.pipeline.vault.VaultException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloak vault export}: the whole map as CSV, for authorised re-identification. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole re-identification map as CSV (it identifies patients: keep it safe).",
                "Columns: type, original, pseudonym, date_offset_days, timepoint_baseline;",
                "several values in one cell are separated by a backslash."})
public final class VaultExportCommand implements Callable<Integer> {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    VaultCommand.KeyOptions key;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "CSV file to write, readable by its owner only (default, or '-': standard output)")
    Path csv;

    @Option(names = "--uid-map", paramLabel = "FILE",
            description = "also write original to new UIDs as id_old,id_new CSV (owner-only)")
    Path uidMap;

    @Option(names = "--patient-map", paramLabel = "FILE",
            description = "also write original patient IDs to pseudonyms as id_old,id_new CSV (owner-only)")
    Path patientMap;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Vault vault = Vault.open(key.vaultDir(), key.keySource(System.getenv()));
            if (uidMap != null) {
                try (Writer w = Files.newBufferedWriter(ownerOnly(uidMap), StandardCharsets.UTF_8)) {
                    vault.exportUidMap(w);
                }
                err.println("Wrote " + vault.uidCount() + " UIDs to " + uidMap);
            }
            if (patientMap != null) {
                try (Writer w = Files.newBufferedWriter(ownerOnly(patientMap), StandardCharsets.UTF_8)) {
                    vault.exportPatientMap(w);
                }
                err.println("Wrote " + vault.patientCount() + " patients to " + patientMap);
            }
            if ((uidMap != null || patientMap != null) && csv == null) {
                return ExitCodes.OK; // only the maps were asked for
            }
            if (csv == null || csv.toString().equals("-")) {
                PrintWriter out = spec.commandLine().getOut();
                vault.export(out);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(ownerOnly(csv), StandardCharsets.UTF_8)) {
                    vault.export(w);
                }
                err.println("Wrote " + vault.patientCount() + " patients and " + vault.uidCount() + " UIDs to " + csv
                        + " (identifying data: keep it as safe as the vault)");
            }
            return ExitCodes.OK;
        } catch (VaultException | IllegalArgumentException e) {
            err.println("cloak vault export: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("cloak vault export: could not write " + csv + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** Creates or empties the file with owner-only permissions before anything is written to it. */
    private static Path ownerOnly(Path file) throws IOException {
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return file;
        }
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return file;
    }
}
