package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VaultCommandTest {
    @TempDir
    Path tmp;

    private Path vault;
    private Path key;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void makeVault() {
        vault = tmp.resolve("vault");
        key = tmp.resolve("keys/vault.key");
        try (Vault v = Vault.openOrCreate(vault, new KeySource.KeyFile(key))) {
            v.record(ReidMap.patient("PID-0003", "P003", -12, LocalDate.of(2020, 1, 2)),
                    ReidMap.patient("PID-0004", "P004", null, null), ReidMap.uid("1.2.840.99.7", "2.25.77"));
        }
    }

    private int run(String... args) {
        CommandLine cl = CloakCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void lookupByOriginalIdPrintsPseudonymOffsetAndBaseline() {
        int status = run("vault", "lookup", "--vault", vault.toString(), "--key-file", key.toString(), "--id",
                "PID-0003");
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("patient  PID-0003 <-> P003  date offset -12 days  baseline 2020-01-02"
                + System.lineSeparator());
    }

    @Test
    void lookupByPseudonymAndByNewUidFindsTheOriginal() {
        run("vault", "lookup", "--vault", vault.toString(), "--key-file", key.toString(), "--id", "P004");
        run("vault", "lookup", "--vault", vault.toString(), "--key-file", key.toString(), "--id", "2.25.77");
        assertThat(out.toString().lines()).containsExactly("patient  PID-0004 <-> P004",
                "uid      1.2.840.99.7 <-> 2.25.77");
    }

    @Test
    void anUnknownIdExitsWithFailure() {
        int status = run("vault", "lookup", "--vault", vault.toString(), "--key-file", key.toString(), "--id", "P999");
        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("cloak vault lookup: not in the vault ");
    }

    @Test
    void aWrongKeyIsAOneLineErrorWithoutAStackTrace() throws IOException {
        Path wrong = Files.write(tmp.resolve("wrong.key"), new byte[32]);
        int status = run("vault", "lookup", "--vault", vault.toString(), "--key-file", wrong.toString(), "--id",
                "P003");
        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("cloak vault lookup: Wrong key or corrupted vault file "
                + vault.resolve("secret.enc") + System.lineSeparator());
    }

    @Test
    void aPassphraseVaultOpensWithAPassphraseFile() throws IOException {
        Path pv = tmp.resolve("pvault");
        Path pass = Files.writeString(tmp.resolve("pass.txt"), "a long enough passphrase\n");
        try (Vault v = Vault.openOrCreate(pv, KeySource.from(pass, null, java.util.Map.of()))) {
            v.record(ReidMap.patient("PID-0009", "P009", null, null));
        }
        int status = run("vault", "lookup", "--vault", pv.toString(), "--vault-passphrase-file", pass.toString(),
                "--id", "P009");
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("patient  PID-0009 <-> P009");
    }

    @Test
    void exportToStandardOutputWritesTheWholeMap() {
        int status = run("vault", "export", "--vault", vault.toString(), "--key-file", key.toString());
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("""
                type,original,pseudonym,date_offset_days,timepoint_baseline
                patient,PID-0003,P003,-12,2020-01-02
                patient,PID-0004,P004,,
                uid,1.2.840.99.7,2.25.77,,
                """);
    }

    @Test
    void exportToAFileMakesItOwnerOnly() throws IOException {
        Path csv = tmp.resolve("map.csv");
        int status = run("vault", "export", "--vault", vault.toString(), "--key-file", key.toString(),
                "--csv", csv.toString());
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(csv)).hasSize(4).contains("patient,PID-0003,P003,-12,2020-01-02");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
        assertThat(err.toString()).contains("Wrote 2 patients and 1 UIDs to " + csv);
    }

    @Test
    void exportNeverCreatesAVault() {
        Path none = tmp.resolve("none");
        int status = run("vault", "export", "--vault", none.toString(), "--key-file", key.toString());
        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("There is no vault in " + none);
        assertThat(none).doesNotExist();
    }
}
