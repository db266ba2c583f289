package org.cloak.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.cloak.server.config.ConfigException;
import org.cloak.server.config.ConfigLoader;

/**
 * Runs the server without the CLI ({@code java -cp ... org.cloak.server.ServerMain --data DIR
 * --http-port N ...}): flags are the configuration keys ({@code --config FILE} for the file).
 * Prints the URL and, on a first start, the admin password, then serves until stopped.
 */
public final class ServerMain {
    private ServerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                System.err.println("cloak server: " + args[i] + " needs a value");
                System.exit(2);
            }
            if (args[i].equals("--config")) {
                config = Path.of(args[++i]);
            } else {
                flags.put(args[i], args[++i]);
            }
        }
        CloakServer s;
        try {
            s = CloakServer.start(ConfigLoader.load(config, System.getenv(), flags), System.getenv());
        } catch (ConfigException e) {
            System.err.println("cloak server: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Cloak server at " + s.url() + " (DICOM port " + s.dicomPort() + ")");
        if (s.adminPassword() != null) {
            System.out.println("admin password (shown once): " + s.adminPassword());
        }
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }));
        stop.await();
    }
}
