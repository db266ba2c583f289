package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose audit events carry PHI writes every plain artefact (CSV reports, vault
 * files, an unencrypted workbook) and their bytes, and the decompressed parts of the workbook,
 * are searched for the PHI: none is found. The encrypted workbook's bytes show none either,
 * while decrypting it does show the values (so the search would have found a leak).
 */
class PlainArtefactsTest {
    private static final String PASSWORD = "irb-2024-audit";

    @TempDir
    Path tmp;

    @Test
    void noPlainArtefactHoldsAnInjectedPhiString() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("reports"));
        try (AuditLog values = new AuditLog(tmp.resolve("spool1"), true);
             AuditLog plain = new AuditLog(tmp.resolve("spool2"), false)) {
            AuditFixtures.fill(values);
            AuditFixtures.fill(plain);
            AuditReports.write(List.of(out.resolve("report.csv"), out.resolve("encrypted.xlsx")), values,
                    values.summary(AuditFixtures.T0, AuditFixtures.T0.plusSeconds(3), "d1g"), PASSWORD);
            AuditReports.write(List.of(out.resolve("plain.xlsx")), plain,
                    plain.summary(AuditFixtures.T0, AuditFixtures.T0.plusSeconds(3), "d1g"), null);
        }
        Path vault = tmp.resolve("vault");
        try (Vault v = Vault.openOrCreate(vault, new KeySource.KeyFile(tmp.resolve("keys/vault.key")))) {
            v.record(ReidMap.patient("PID-0001", "P001", -12, null), ReidMap.patient("SMITH^JOHN", "P002", 3, null));
        }

        List<Path> artefacts;
        try (Stream<Path> s = Stream.concat(Files.list(out), Files.list(vault))) {
            artefacts = s.sorted().toList();
        }
        assertThat(artefacts.stream().map(p -> p.getFileName().toString())).containsExactly(
                "encrypted.xlsx", "plain.xlsx", "report.csv", "report.summary.csv",
                "map.enc", "secret.enc", "vault.json", "vault.lock");
        for (Path p : artefacts) {
            assertNoPhi(p.toString(), Files.readAllBytes(p));
        }
        String plainText = unzipped(out.resolve("plain.xlsx"));
        assertNoPhi("plain.xlsx (decompressed)", plainText.getBytes(StandardCharsets.UTF_8));
        assertThat(plainText).contains("PatientName", "P001/M00/series1/IM0001.dcm", "&lt;input&gt;");

        String decrypted = decrypted(out.resolve("encrypted.xlsx"));
        assertThat(decrypted).contains("DOE^JANE", "PID-0001", "SAINT ELSEWHERE HOSPITAL", "19700101");
    }

    private static void assertNoPhi(String what, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String phi : AuditFixtures.PHI) {
            assertThat(text).as(what + " must not contain " + phi).doesNotContain(phi);
        }
    }

    /** Every part of a workbook, decompressed (read through the central directory, as Excel does). */
    private static String unzipped(Path zip) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static String decrypted(Path xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(xlsx.toFile(), true)) {
            Decryptor d = Decryptor.getInstance(new EncryptionInfo(fs));
            assertThat(d.verifyPassword(PASSWORD)).isTrue();
            Path clear = Files.createTempFile(xlsx.getParent(), "decrypted", ".xlsx");
            try (InputStream in = d.getDataStream(fs)) {
                Files.copy(in, clear, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                return unzipped(clear);
            } finally {
                Files.delete(clear);
            }
        }
    }
}
