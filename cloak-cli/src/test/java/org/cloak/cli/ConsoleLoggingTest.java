package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {
    /** The XML configuration the code replaces. */
    private static final String XML = """
            <configuration>
              <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%level %logger{0}: %msg%n</pattern></encoder>
              </appender>
              <root level="${CLOAK_LOG_LEVEL:-WARN}">
                <appender-ref ref="STDERR"/>
              </root>
            </configuration>
            """;

    @Test
    void theRootLevelIsReadAsTheXmlReadIt() {
        assertThat(ConsoleLogging.rootLevel(null, null)).isEqualTo(Level.WARN);
        assertThat(ConsoleLogging.rootLevel("info", "ERROR")).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.rootLevel(null, " debug ")).isEqualTo(Level.DEBUG);
        assertThat(ConsoleLogging.rootLevel(null, "loud")).isEqualTo(Level.DEBUG);
        assertThat(ConsoleLogging.rootLevel("", "ERROR")).isNull();
    }

    @Test
    void logsExactlyAsTheXmlConfigurationDid() throws Exception {
        Exception failure = new IllegalStateException("why", new RuntimeException("cause"));
        String expected = capture(xml(), failure);
        LoggerContext code = context();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(code);
        assertThat(logging.configure(code)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(capture(code, failure)).isEqualTo(expected).contains("WARN Vault: careful", "ERROR Vault: failed")
                .contains("java.lang.IllegalStateException: why").doesNotContain("quiet");
    }

    /** A context as logback's SLF4J provider makes it. */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static LoggerContext xml() throws Exception {
        LoggerContext context = context();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    /** What a few events print through the context's console appender (which must write to standard error). */
    private static String capture(LoggerContext context, Exception failure) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(console.getTarget()).isEqualTo("System.err");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        console.setOutputStream(bytes); // the appender holds System.err itself: swapping it would not be seen
        try {
            Logger log = context.getLogger("org.cloak.pipeline.vault.Vault");
            log.info("quiet");
            log.warn("careful with {}", "this");
            log.error("failed", failure);
        } finally {
            context.stop();
        }
        return bytes.toString();
    }
}
