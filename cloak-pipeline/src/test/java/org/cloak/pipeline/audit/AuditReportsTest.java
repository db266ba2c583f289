package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportsTest {
    @TempDir
    Path tmp;

    @Test
    void originalValuesWithOnlyACsvAreRefused() {
        assertThatThrownBy(() -> AuditReports.check(List.of(Path.of("report.csv")), true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--audit-original-values needs an encrypted workbook");
    }

    @Test
    void originalValuesWithAPlainWorkbookAreRefused() {
        assertThatThrownBy(() -> AuditReports.check(List.of(Path.of("r.csv"), Path.of("r.xlsx")), true, null))
                .hasMessageStartingWith("--audit-original-values needs an encrypted workbook");
    }

    @Test
    void originalValuesWithAnEncryptedWorkbookAndACsvAreAccepted() {
        assertThatNoException().isThrownBy(() ->
                AuditReports.check(List.of(Path.of("r.csv"), Path.of("r.XLSX")), true, "pw"));
    }

    @Test
    void aPasswordWithoutAWorkbookAndUnknownExtensionsAreRefused() {
        assertThatThrownBy(() -> AuditReports.check(List.of(Path.of("r.csv")), false, "pw"))
                .hasMessage("--audit-password encrypts an .xlsx audit report, and none was asked for");
        assertThatThrownBy(() -> AuditReports.check(List.of(Path.of("r.pdf")), false, null))
                .hasMessage("an audit report must end in .csv or .xlsx: r.pdf");
    }

    @Test
    void writeProducesEachReportByItsExtension() throws IOException {
        try (AuditLog log = new AuditLog(tmp.resolve("s"), false)) {
            AuditFixtures.fill(log);
            AuditReports.write(List.of(tmp.resolve("a.csv"), tmp.resolve("a.xlsx")), log,
                    log.summary(AuditFixtures.T0, AuditFixtures.T0, null), null);
        }
        assertThat(tmp.resolve("a.csv")).exists();
        assertThat(tmp.resolve("a.summary.csv")).exists();
        assertThat(tmp.resolve("a.xlsx")).exists();
    }
}
