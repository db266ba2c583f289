package org.cloak.pipeline.layout;

import java.nio.file.Path;

/**
 * How outputs are named, parsed once from the words a user gave ({@code --layout}, a server's
 * project setting): {@code mirror}, {@code mirror-renamed}, {@code default} or a template
 * (docs/layout.md).
 */
public sealed interface LayoutSpec {

    /** The words it was parsed from: what an output folder's settings record. */
    String text();

    /** The layout writing under the output folder {@code out}. */
    OutputLayout in(Path out);

    /** The input's relative path under the output folder. */
    record Mirror() implements LayoutSpec {
        @Override
        public String text() { return "mirror"; }

        @Override
        public OutputLayout in(Path out) { return new MirrorLayout(out); }
    }

    /** The input's folders, with the file named by its new SOP Instance UID. */
    record MirrorRenamed() implements LayoutSpec {
        @Override
        public String text() { return "mirror-renamed"; }

        @Override
        public OutputLayout in(Path out) { return new MirrorRenamedLayout(out); }
    }

    /**
     * A template of de-identified values.
     *
     * @param template the template, checked when parsed
     * @param text {@code default} for {@link TemplateLayout#DEFAULT}, else the template
     */
    record Template(String template, String text) implements LayoutSpec {
        @Override
        public OutputLayout in(Path out) { return new TemplateLayout(out, template); }
    }

    /** The layout both {@code cloak run} and {@code cloak listen} use unless told otherwise. */
    static LayoutSpec standard() { return parse("default"); }

    /** @throws IllegalArgumentException for an unknown name or a template with a fault, naming it */
    static LayoutSpec parse(String spec) {
        LayoutSpec parsed = switch (spec) {
            case "mirror" -> new Mirror();
            case "mirror-renamed" -> new MirrorRenamed();
            case "default" -> new Template(TemplateLayout.DEFAULT, "default");
            default -> {
                if (!spec.contains("{")) {
                    throw new IllegalArgumentException("unknown layout '" + spec
                            + "'; use mirror, mirror-renamed, default or a template such as " + TemplateLayout.DEFAULT);
                }
                yield new Template(spec, spec);
            }
        };
        if (parsed instanceof Template) {
            parsed.in(Path.of("")); // a template's faults show here, before anything is written
        }
        return parsed;
    }
}
