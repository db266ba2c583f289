package org.cloak.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code rather than XML: reading an XML configuration loads some 400
 * classes and costs over a tenth of a second at every start. Messages go to standard error as
 * {@code LEVEL Logger: message}; the root level is {@value #LEVEL_VARIABLE} (a system property,
 * else the environment variable), WARN when unset. With {@code -Dlogback.configurationFile=FILE}
 * logback reads that file instead.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String LEVEL_VARIABLE = "CLOAK_LOG_LEVEL";
    static final String PATTERN = "%level %logger{0}: %msg%n";
    private static final String CONFIGURATION_FILE = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIGURATION_FILE) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = rootLevel(System.getProperty(LEVEL_VARIABLE), System.getenv(LEVEL_VARIABLE));
        if (level != null) {
            root.setLevel(level);
        }
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The root level for the property's or else the variable's value, as logback reads
     * {@code ${CLOAK_LOG_LEVEL:-WARN}}: WARN when neither is set, null (logback's default, DEBUG)
     * when the value is blank, DEBUG for a name logback does not know.
     */
    static Level rootLevel(String property, String environment) {
        String value = property != null ? property : environment != null ? environment : Level.WARN.levelStr;
        return value.isBlank() ? null : Level.toLevel(value);
    }
}
