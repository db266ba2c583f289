package org.cloak.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cloak.server.CloakServer;
import org.cloak.server.config.ConfigException;
import org.cloak.server.config.ConfigLoader;
import org.cloak.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloak serve}: the archive server (cloak-server's {@link CloakServer}). Flags override the
 * configuration file, which overrides {@code CLOAK_...} environment variables' defaults; every
 * other key is set in the file or the environment (docs/server.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the archive server: REST API, DICOM listener, jobs, database (docs/server.md).",
                "On a first start it creates the user admin and prints its password, and a demo project",
                "(ID demo, AE title DEMO) with the bundled samples imported. Stops on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ~/.cloak/server)")
    Path data;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port (default: 8080)")
    Integer httpPort;

    @Option(names = "--dicom-port", paramLabel = "N", description = "DICOM port (default: 11112)")
    Integer dicomPort;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "first start: the admin's password, instead of a generated one")
    Path adminPasswordFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "--data", data);
        put(flags, "--http-port", httpPort);
        put(flags, "--dicom-port", dicomPort);
        put(flags, "--admin-password-file", adminPasswordFile);
        Map<String, String> env = System.getenv();
        CloakServer server;
        try {
            ServerConfig c = ConfigLoader.load(config, env, flags);
            if (!env.containsKey("CLOAK_DEMO_SAMPLES") && !Files.isDirectory(c.demoSamples())) {
                flags.put("--demo-samples", bundledSamples().toString());
                c = ConfigLoader.load(config, env, flags);
            }
            server = CloakServer.start(c, env);
        } catch (ConfigException e) {
            err.println("cloak serve: " + e.getMessage());
            return ExitCodes.PARTIAL;
        }
        out.println("Cloak server at " + server.url() + "  (DICOM: AE title " + server.parts().config().dicomAeTitle()
                + ", port " + server.dicomPort() + ")");
        if (server.adminPassword() != null) {
            out.println("Sign in as admin with the password " + server.adminPassword() + " (shown only now)");
        }
        out.println("Data: " + server.parts().config().data() + "; API: " + server.url() + "/api/v1/openapi.json");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cloak-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    private static void put(Map<String, String> flags, String flag, Object value) {
        if (value != null) {
            flags.put(flag, value.toString());
        }
    }

    /** {@code samples/} of the source tree the jar was built in ({@code cloak-cli/target/cloak.jar}). */
    private static Path bundledSamples() {
        try {
            Path jar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null || jar.getParent().getParent() == null ? jar
                    : jar.getParent().getParent().getParent();
            return root == null ? Path.of("samples") : root.resolve("samples");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("samples");
        }
    }
}
