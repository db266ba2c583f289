package org.cloak.deid.recipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.pseudo.PatientIdConfig;

/** Reads the recipe's {@code patient-id:} map into a {@link PatientIdConfig}. */
final class PatientIdSection {
    static final List<String> STRATEGIES = PatientIdConfig.Strategy.labels();
    static final List<String> DISCOVERY = PatientIdConfig.Unit.labels();
    static final List<String> UNMAPPED = PatientIdConfig.Unmapped.labels();
    /** The keys each strategy reads; any other key is a mistake worth reporting. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "none", Set.of("strategy"),
            "sequential", Set.of("strategy", "prefix", "start", "width", "discovery", "patient-name"),
            "folder", Set.of("strategy", "regex", "depth", "fallback", "patient-name"),
            "deterministic", Set.of("strategy", "prefix", "width", "salt", "patient-name"),
            "csv", Set.of("strategy", "file", "source-column", "target-column", "unmapped", "prefix", "start", "width",
                    "salt", "discovery", "patient-name"));
    private static final Set<String> ALL_KEYS = Set.of("strategy", "prefix", "start", "width", "discovery", "regex",
            "depth", "fallback", "salt", "file", "source-column", "target-column", "unmapped", "patient-name");
    private static final int SEQUENTIAL_WIDTH = 4;
    /** Digits of a sequential number: what a long holds safely. */
    private static final int MAX_DIGITS = 18;
    /** PatientID is LO: 64 characters. */
    private static final int MAX_LENGTH = 64;

    private PatientIdSection() {}

    /** @param baseDir folder of the recipe file: a relative CSV path is taken from there */
    static PatientIdConfig read(YamlNode node, Path baseDir) throws RecipeException {
        PatientIdConfig d = PatientIdConfig.defaults();
        Fields f = Fields.of(node, "patient-id", ALL_KEYS);
        if (!f.has("strategy")) {
            throw new RecipeException(f.line(), "patient-id needs 'strategy', one of " + STRATEGIES);
        }
        String strategy = DatesSection.oneOf(f, "strategy", null, STRATEGIES);
        Set<String> allowed = KEYS.get(strategy);
        for (YamlNode.Entry e : f.entries()) {
            if (!allowed.contains(e.key())) {
                throw new RecipeException(e.keyLine(), "'" + e.key() + "' does not apply to strategy " + strategy
                        + "; it reads " + Fields.sorted(allowed));
            }
        }
        String unmapped = DatesSection.oneOf(f, "unmapped", d.unmapped().label(), UNMAPPED);
        boolean hashed = strategy.equals("deterministic") || strategy.equals("csv") && unmapped.equals("hash");
        int width = f.integer("width", hashed ? d.width() : SEQUENTIAL_WIDTH, 1, hashed ? MAX_LENGTH : MAX_DIGITS);
        String prefix = f.text("prefix", d.prefix());
        if (prefix.length() + width > MAX_LENGTH) {
            throw new RecipeException(f.keyLine("prefix"), "prefix and width make IDs longer than PatientID's "
                    + MAX_LENGTH + " characters");
        }
        if (strategy.equals("folder") && !f.has("regex")) {
            throw new RecipeException(f.line(), "strategy folder needs 'regex'");
        }
        String regex = f.text("regex", d.folderRegex());
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new RecipeException(f.valueLine("regex"), "not a valid regular expression: "
                        + e.getDescription(), e);
            }
        }
        String file = csvFile(f, strategy, baseDir);
        String patientName = f.text("patient-name", "id");
        if (patientName.isBlank()) {
            throw new RecipeException(f.valueLine("patient-name"), "patient-name must be id, keep, empty or a text");
        }
        return new PatientIdConfig(PatientIdConfig.Strategy.parse(strategy), prefix,
                f.integer("start", d.start(), 0, Integer.MAX_VALUE), width,
                PatientIdConfig.Unit.parse(DatesSection.oneOf(f, "discovery", d.discovery().label(), DISCOVERY)), regex,
                f.integer("depth", d.folderDepth(), 0, 64), f.text("fallback", d.fallback()), f.text("salt", d.salt()),
                file, f.text("source-column", null), f.text("target-column", null), PatientIdConfig.Unmapped.parse(
                        unmapped),
                PatientIdConfig.PatientName.parse(patientName));
    }

    private static String csvFile(Fields f, String strategy, Path baseDir) throws RecipeException {
        if (!strategy.equals("csv")) {
            return null;
        }
        for (String key : List.of("file", "source-column", "target-column")) {
            if (!f.has(key)) {
                throw new RecipeException(f.line(), "strategy csv needs '" + key + "'");
            }
        }
        Path p = baseDir.resolve(f.text("file", null)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new RecipeException(f.valueLine("file"), "CSV mapping file not found: " + p);
        }
        return p.toString();
    }
}
