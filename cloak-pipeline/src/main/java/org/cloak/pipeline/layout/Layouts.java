package org.cloak.pipeline.layout;

import java.nio.file.Path;

/** The layout named on the command line: {@code mirror}, {@code mirror-renamed}, {@code default} or a template. */
public final class Layouts {
    private Layouts() {}

    /** @throws IllegalArgumentException for a template with a fault */
    public static OutputLayout of(String spec, Path out) {
        return switch (spec) {
            case "mirror" -> new MirrorLayout(out);
            case "mirror-renamed" -> new MirrorRenamedLayout(out);
            case "default" -> new TemplateLayout(out, TemplateLayout.DEFAULT);
            default -> {
                if (!spec.contains("{")) {
                    throw new IllegalArgumentException("unknown layout '" + spec
                            + "'; use mirror, mirror-renamed, default or a template such as " + TemplateLayout.DEFAULT);
                }
                yield new TemplateLayout(out, spec);
            }
        };
    }
}
