package org.cloak.deid.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/**
 * Reads a YAML recipe (format: docs/recipe.md) strictly: an unknown key, a value of the wrong
 * type or outside its vocabulary is a {@link RecipeException} naming the line, never a
 * default (STYLE: fail closed).
 *
 * <pre>{@code
 * Recipe r = RecipeReader.read(Path.of("recipes/trial-timepoints.yaml"));
 * DeidConfig config = RecipeCompiler.compile(r, secret, LocalDate.now(), false);
 * }</pre>
 */
public final class RecipeReader {
    static final Set<String> KEYS = Set.of("profile", "options", "categories", "patient-id", "dates", "attributes",
            "keep-private-creators", "allow-burned-in", "pixels");

    private RecipeReader() {}

    /** Reads and checks a recipe file. */
    public static Recipe read(Path yamlFile) throws RecipeException {
        Path base = yamlFile.toAbsolutePath().getParent();
        try (Reader in = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
            return read(in, base);
        } catch (IOException e) {
            throw new RecipeException(0, "could not read the recipe: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a recipe.
     *
     * @param baseDir folder relative paths in the recipe (the CSV mapping file) are taken from
     */
    public static Recipe read(Reader yaml, Path baseDir) throws RecipeException {
        YamlNode root = YamlTree.parse(yaml);
        if (root == null) {
            throw new RecipeException(1, "the recipe is empty; it needs at least 'profile'");
        }
        Fields f = Fields.of(root, "", KEYS);
        String profile = profile(f);
        Set<ProfileOption> options = options(f, profile);
        DateConfig dates = f.has("dates") ? DatesSection.read(f.node("dates")) : DateConfig.defaults();
        PatientIdConfig ids = f.has("patient-id") ? PatientIdSection.read(f.node("patient-id"), baseDir)
                : PatientIdConfig.defaults();
        return new Recipe(profile, options, categories(f, dates), ids, dates,
                AttributesSection.read(f.list("attributes"), dates), creators(f), f.bool("allow-burned-in", false),
                f.has("patient-id"), f.has("pixels") ? PixelsSection.read(f.node("pixels")) : PixelPolicy.none());
    }

    private static String profile(Fields f) throws RecipeException {
        String p = f.name("profile", Recipe.defaults().profile());
        if (!Profiles.names().contains(p)) {
            List<String> known = List.copyOf(Profiles.names());
            throw new RecipeException(f.valueLine("profile"), "unknown profile '" + p + "'" + Suggest.hint(p, known)
                    + "; known: " + known);
        }
        return p;
    }

    private static Set<ProfileOption> options(Fields f, String profile) throws RecipeException {
        Set<ProfileOption> options = EnumSet.noneOf(ProfileOption.class);
        List<String> known = Arrays.stream(ProfileOption.values()).map(ProfileOption::cliName).toList();
        for (YamlNode n : f.list("options")) {
            String name = scalarText(n, "options holds option names");
            if (!known.contains(name)) {
                throw new RecipeException(n.line(), "unknown option '" + name + "'" + Suggest.hint(name, known)
                        + "; known: " + known);
            }
            if (!options.add(ProfileOption.fromCliName(name))) {
                throw new RecipeException(n.line(), "option '" + name + "' is listed twice");
            }
        }
        try {
            Profiles.rules(profile, options); // the profile decides which options it supports
        } catch (IllegalArgumentException e) {
            throw new RecipeException(f.keyLine(options.isEmpty() ? "profile" : "options"), e.getMessage(), e);
        }
        return Set.copyOf(options);
    }

    private static Map<String, String> categories(Fields f, DateConfig dates) throws RecipeException {
        Map<String, String> categories = new LinkedHashMap<>();
        if (!f.has("categories")) {
            return categories;
        }
        YamlNode.MapNode m = Fields.asMap(f.node("categories"), "categories");
        for (YamlNode.Entry e : m.entries().values()) {
            String name = RuleSyntax.category(e.key(), e.keyLine());
            String action = scalarText(e.value(), "categories." + name + " is an action name");
            String canonical = RuleSyntax.canonicalAction(action);
            if (canonical != null && !RuleSyntax.ACTIONS.get(canonical).isEmpty()) {
                throw new RecipeException(e.value().line(), "action " + canonical
                        + " needs an argument; use an attributes entry with category: " + name);
            }
            RuleSyntax.action(action, null, dates, e.value().line());
            categories.put(name, canonical);
        }
        return categories;
    }

    private static List<String> creators(Fields f) throws RecipeException {
        List<String> creators = new ArrayList<>();
        for (YamlNode n : f.list("keep-private-creators")) {
            String c = n instanceof Scalar s && s.type() != ScalarType.NULL ? s.text() : null;
            if (c == null || c.isBlank()) {
                throw new RecipeException(n.line(),
                        "keep-private-creators holds private creator names, found " + n.kind());
            }
            creators.add(c);
        }
        return List.copyOf(creators);
    }

    private static String scalarText(YamlNode n, String what) throws RecipeException {
        if (n instanceof Scalar s && s.type() == ScalarType.STRING) {
            return s.text().trim();
        }
        throw new RecipeException(n.line(), what + ", found " + n.kind());
    }
}
