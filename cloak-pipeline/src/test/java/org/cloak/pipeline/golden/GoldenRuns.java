package org.cloak.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.net.scp.ServerOptions;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.node.ListenOptions;
import org.cloak.pipeline.node.ListenService;
import org.cloak.pipeline.run.DeidRun;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.run.RunOptions;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.source.InputSource;
import org.cloak.pipeline.source.ZipInputs;
import org.cloak.testkit.Oracles;

/** The golden runs through the library's entry points, with a fixed secret and processing date. */
final class GoldenRuns {
    static final Secret SECRET =
            new Secret("golden outputs secret, 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final LocalDate PROCESSING_DATE = LocalDate.of(2026, 2, 3);

    private GoldenRuns() {}

    static RunSummary run(Recipe recipe, List<Path> inputs, Path out, String layout) throws Exception {
        List<ZipInputs.Refused> refused = new ArrayList<>();
        RunOptions options = RunOptions.defaults(out).withThreads(2).withLayout(LayoutSpec.parse(layout));
        var items = InputSource.list(inputs, options.tmpDir(), new BufferedReader(new StringReader("")), refused);
        assertThat(refused).isEmpty();
        RunSummary s = DeidRun.of(recipe, SECRET, PROCESSING_DATE).run(items, options, new Progress());
        assertThat(s.failed()).isEmpty();
        return s;
    }

    static void listen(Recipe recipe, List<Path> files, Path out, String layout) throws Exception {
        ListenOptions options = ListenOptions.of(ServerOptions.of("CLOAK", 0), out).withThreads(2)
                .withLayout(LayoutSpec.parse(layout));
        try (ListenService node = ListenService.of(options, recipe, SECRET, PROCESSING_DATE)) {
            node.start();
            List<String> args = new ArrayList<>(List.of("-R", "-aec", "CLOAK", "-aet", "GOLDEN", "-to", "10",
                    "-ta", "10", "-td", "30", "127.0.0.1", Integer.toString(node.port())));
            files.forEach(f -> args.add(f.toString()));
            Oracles.Result r = Oracles.run("storescu", null, args);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        }
    }
}
