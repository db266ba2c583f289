package org.cloak.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine, each part its own JVM started from the test's own
 * class path (nothing downloaded): a master on 127.0.0.1 and workers of one core each. Spark's
 * launcher takes the executors' class path from {@code SPARK_HOME/jars}, so a SPARK_HOME is made
 * of links to the class path's jars; class folders go on the executors' extra class path.
 */
final class StandaloneCluster implements AutoCloseable {
    static final List<String> JAVA_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    final Path home;
    final String classFolders;
    final int port;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneCluster(Path home, String classFolders, int port) {
        this.home = home;
        this.classFolders = classFolders;
        this.port = port;
    }

    /** Starts a master and {@code workers} workers; returns once all workers registered. */
    static StandaloneCluster start(Path dir, int workers) throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        List<String> folders = new ArrayList<>();
        for (String e : classPath().split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (e.endsWith(".jar")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            } else {
                folders.add(p.toAbsolutePath().toString());
            }
        }
        StandaloneCluster c = new StandaloneCluster(home, String.join(java.io.File.pathSeparator, folders), freePort());
        c.spawn(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(c.port), "--webui-port", Integer.toString(freePort()));
        waitForPort(c.port);
        for (int i = 0; i < workers; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            c.spawn(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), "--webui-port",
                    Integer.toString(freePort()), c.url());
        }
        for (int i = 0; i < workers; i++) {
            waitForLine(dir.resolve("worker-" + i + ".log"), "Successfully registered with master");
        }
        return c;
    }

    String url() { return "spark://127.0.0.1:" + port; }

    /** A JVM running {@code main} on the test's class path, its output in {@code log}. */
    Process spawn(Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath()));
        cmd.addAll(JAVA_OPTIONS);
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // else the launcher looks for a source build
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Submits {@code main} through spark-submit's main class in client mode; the driver is its own JVM. */
    Process submit(Path log, Path emptyJar, String main, List<String> args) throws IOException {
        List<String> a = new ArrayList<>(List.of("--master", url(), "--deploy-mode", "client", "--class", main,
                "--conf", "spark.executor.extraClassPath=" + classFolders, "--conf", "spark.executor.memory=700m",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.task.maxFailures=8", emptyJar.toString()));
        a.addAll(args);
        return spawn(log, "org.apache.spark.deploy.SparkSubmit", a.toArray(String[]::new));
    }

    /** The process ids of the executor JVMs running now (started by this cluster's workers). */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : processes) {
            w.toHandle().descendants().filter(h -> h.info().commandLine().orElse("")
                    .contains("CoarseGrainedExecutorBackend")).forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not open its port in 60 s");
    }

    static void waitForLine(Path log, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' in " + log + " within 90 s");
    }
}
