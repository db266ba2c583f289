package org.cloak.pipeline.layout;

/**
 * Makes a text safe as one path component on every common file system: no separators, no
 * control or reserved characters, no leading dot (no hidden files, no {@code ..}), at most
 * {@value #MAX} characters (the extension is kept), and {@code NA} for an empty text.
 */
public final class PathComponents {
    public static final int MAX = 64;
    public static final String EMPTY = "NA";

    private PathComponents() {}

    public static String sanitise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = sb.toString().strip();
        int dots = 0;
        while (dots < s.length() && s.charAt(dots) == '.') {
            dots++;
        }
        s = "_".repeat(dots) + s.substring(dots);
        if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) {
            return s.isEmpty() ? EMPTY : s.substring(0, Math.min(s.length(), MAX));
        }
        if (s.length() > MAX) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 8 ? s.substring(dot) : "";
            s = s.substring(0, MAX - ext.length()) + ext;
        }
        return s;
    }
}
