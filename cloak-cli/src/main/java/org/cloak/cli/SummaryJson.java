package org.cloak.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cloak.pipeline.run.RunSummary;

/** {@code cloak run --json}: the run summary for scripts; paths are the inputs as given, never values. */
final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {}

    static String of(RunSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("files", s.seen()).put("written", s.written()).put("reused", s.reused())
                .put("skipped", s.skipped().size()).put("quarantined", s.quarantined().size())
                .put("failed", s.failed().size()).put("refused", s.refused().size()).put("studies", s.studies())
                .put("bytesIn", s.bytesIn()).put("bytesOut", s.bytesOut()).put("seconds", s.seconds());
        ArrayNode skipped = o.putArray("skippedFiles");
        s.skipped().forEach(p -> skipped.add(p.toString()));
        problems(o.putArray("refusedInputs"), s.refused());
        problems(o.putArray("quarantinedFiles"), s.quarantined());
        problems(o.putArray("failedFiles"), s.failed());
        return o.toString();
    }

    private static void problems(ArrayNode a, List<RunSummary.Problem> list) {
        list.forEach(p -> a.addObject().put("input", p.input().toString()).put("reason", p.reason()));
    }
}
