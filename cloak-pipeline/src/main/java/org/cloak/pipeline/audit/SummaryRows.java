package org.cloak.pipeline.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The summary as (key, value) rows, shared by the CSV and Excel reports so that both say the same. */
final class SummaryRows {
    private SummaryRows() {}

    static List<List<Object>> of(AuditSummary s) {
        return List.of(
                List.of("cloak_version", s.cloakVersion()),
                List.of("recipe_sha256", s.recipeDigest() == null ? "" : s.recipeDigest()),
                List.of("started", DateTimeFormatter.ISO_INSTANT.format(s.started())),
                List.of("duration_seconds", s.duration().toMillis() / 1000.0),
                List.of("files_processed", s.processed()),
                List.of("files_written", s.written()),
                List.of("files_reused", s.reused()),
                List.of("files_quarantined", s.quarantined()),
                List.of("files_skipped", s.skipped()),
                List.of("files_failed", s.failed()),
                List.of("studies", s.studies()),
                List.of("tags_removed", s.tagsRemoved()),
                List.of("tags_modified", s.tagsModified()),
                List.of("tags_added", s.tagsAdded()),
                List.of("original_values_recorded", s.originalValues() ? "yes (encrypted workbook only)" : "no"));
    }
}
