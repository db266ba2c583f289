package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.pixel.PixelRegion;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.deid.recipe.YamlNode.ListNode;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;
import org.cloak.deid.rule.Condition;

/**
 * Reads a recipe's {@code pixels} section (docs/recipe.md, "Pixels"): {@code text} (OCR mode),
 * {@code scope} (which images OCR reads; default at-risk) and {@code rules}, each a
 * {@code name}, a {@code when} as in {@code attributes}, and {@code regions} (lists of x, y,
 * width, height; negative x or y from the right or bottom) or {@code keep: ultrasound-regions}.
 */
final class PixelsSection {
    private static final Set<String> KEYS = Set.of("text", "scope", "rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "when", "regions", "keep");

    private PixelsSection() {}

    static PixelPolicy read(YamlNode node) throws RecipeException {
        Fields f = Fields.of(node, "pixels", KEYS);
        TextMode mode = TextMode.OFF;
        if (f.has("text")) {
            try {
                mode = TextMode.of(f.name("text", "off"));
            } catch (IllegalArgumentException e) {
                throw new RecipeException(f.valueLine("text"), "pixels.text: " + e.getMessage(), e);
            }
        }
        TextScope scope = TextScope.AT_RISK;
        if (f.has("scope")) {
            scope = scope(f);
        }
        List<PixelRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (YamlNode n : f.list("rules")) {
            PixelRule r = rule(n, "pixels.rules[" + i++ + "]");
            if (!names.add(r.name())) {
                throw new RecipeException(n.line(), "pixel rule '" + r.name() + "' is named twice");
            }
            rules.add(r);
        }
        return new PixelPolicy(rules, mode, scope);
    }

    private static TextScope scope(Fields f) throws RecipeException {
        YamlNode n = f.node("scope");
        String text;
        if (n instanceof ListNode l) {
            List<String> parts = new ArrayList<>();
            for (YamlNode item : l.items()) {
                if (!(item instanceof Scalar s) || s.type() != ScalarType.STRING) {
                    throw new RecipeException(item.line(), "pixels.scope lists modalities, found " + item.kind());
                }
                parts.add(s.text().trim());
            }
            text = String.join(",", parts);
        } else {
            text = f.name("scope", "at-risk");
        }
        try {
            return TextScope.of(text);
        } catch (IllegalArgumentException e) {
            throw new RecipeException(n.line(), e.getMessage(), e);
        }
    }

    private static PixelRule rule(YamlNode node, String where) throws RecipeException {
        Fields f = Fields.of(node, where, RULE_KEYS);
        String name = f.name("name", null);
        if (name == null || name.isBlank()) {
            throw new RecipeException(f.line(), where + " needs a 'name'");
        }
        Condition when = f.has("when") ? WhenSection.read(f.node("when"), f.path("when")) : Condition.ALWAYS;
        String origin = "recipe line " + f.line();
        if (f.has("keep")) {
            if (f.has("regions")) {
                throw new RecipeException(f.keyLine("keep"), where + " has both 'keep' and 'regions'");
            }
            String keep = f.name("keep", "");
            if (!keep.equals("ultrasound-regions")) {
                throw new RecipeException(f.valueLine("keep"), where + ".keep is 'ultrasound-regions'");
            }
            return PixelRule.keepUltrasoundRegions(name, when, origin);
        }
        List<PixelRegion> regions = new ArrayList<>();
        for (YamlNode r : f.list("regions")) {
            regions.add(region(r, where + ".regions"));
        }
        if (regions.isEmpty()) {
            throw new RecipeException(f.line(), where + " needs 'regions' or 'keep: ultrasound-regions'");
        }
        return PixelRule.regions(name, when, regions, origin);
    }

    /** {@code [x, y, width, height]}. */
    private static PixelRegion region(YamlNode n, String where) throws RecipeException {
        if (!(n instanceof ListNode l) || l.items().size() != 4) {
            throw new RecipeException(n.line(), where + " holds [x, y, width, height] lists, found " + n.kind());
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            YamlNode item = l.items().get(i);
            if (!(item instanceof Scalar s) || s.type() != ScalarType.INTEGER) {
                throw new RecipeException(item.line(), where + " holds whole numbers, found " + item.kind());
            }
            v[i] = Fields.parseInt(s);
        }
        if (v[2] < 1 || v[3] < 1) {
            throw new RecipeException(n.line(), where + ": width and height must be at least 1");
        }
        return new PixelRegion(v[0], v[1], v[2], v[3]);
    }
}
