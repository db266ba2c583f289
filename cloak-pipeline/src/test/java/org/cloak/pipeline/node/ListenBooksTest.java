package org.cloak.pipeline.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.recipe.Recipe;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.AuditReports;
import org.cloak.pipeline.run.RunHooks;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The listener keeps the vault and the audit as a batch run does. */
@Timeout(120)
class ListenBooksTest {
    @TempDir
    Path tmp;

    @Test
    void theVaultHoldsThePatientsPseudonymAndTheAuditListsEveryInstanceWithoutPhi() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> sent = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sent.add(Fixtures.write(Fixtures.ct().instance(i).build(), in.resolve("ct-" + i + ".dcm"),
                    TransferSyntax.EXPLICIT_LE));
        }
        Path out = tmp.resolve("out");
        Path vaultDir = tmp.resolve("vault");
        KeySource key = new KeySource.KeyFile(tmp.resolve("vault.key"));
        Path csv = tmp.resolve("audit.csv");
        Instant started = Instant.now();
        try (Vault vault = Vault.openOrCreate(vaultDir, key);
             AuditLog audit = new AuditLog(out.resolve(".cloak"), false)) {
            ListenService node = ListenService.of(Peers.options(out), Recipe.defaults(), vault.secret(),
                    LocalDate.of(2026, 1, 1), new RunHooks(vault, audit, null));
            node.start();
            try {
                Oracles.Result r = Peers.storescu(node.port(), "CLOAK", "MODALITY", sent);
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                // durable before the acknowledgement, not only at stop
                try (Vault other = Vault.open(vaultDir, key)) {
                    assertThat(other.patientCount()).isEqualTo(1);
                }
            } finally {
                node.stop(java.time.Duration.ofSeconds(10));
            }
            AuditReports.write(List.of(csv), audit, audit.summary(started, Instant.now(), "test"), null);
        }
        List<Path> outputs = Peers.outputs(out);
        assertThat(outputs).hasSize(3);
        String pseudonym = DicomReader.read(outputs.get(0)).dataset().getString(Tag.PatientID);
        try (Vault reopened = Vault.open(vaultDir, key)) {
            assertThat(reopened.lookup("PID-0001")).singleElement().isInstanceOfSatisfying(ReidMap.Patient.class,
                    p -> assertThat(p.pseudonyms()).containsExactly(pseudonym));
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",WRITTEN,"));
        List<String> outputsInAudit = lines.subList(1, 4).stream().map(l -> l.split(",")[1]).sorted().toList();
        assertThat(outputsInAudit).containsExactlyElementsOf(
                outputs.stream().map(o -> out.relativize(o).toString()).sorted().toList());
        String text = Files.readString(csv) + Files.readString(tmp.resolve("audit.summary.csv"));
        for (String phi : List.of("DOE", "JANE", "PID-0001", "ACC-0001", "FAKE")) {
            assertThat(text).doesNotContain(phi);
        }
        for (Path s : sent) {
            assertThat(text).doesNotContain(DicomReader.read(s).dataset().getString(Tag.SOPInstanceUID));
            assertThat(text).doesNotContain(DicomReader.read(s).dataset().getString(Tag.StudyInstanceUID));
        }
    }
}
