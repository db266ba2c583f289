package org.cloak.deid.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.charset.SpecificCharacterSet;

/**
 * Finds identifying values in decoded text (case-insensitive, longest forms first, whole
 * words; forms are looked up by their first character, so the cost grows with the text, not
 * with the number of forms) and in raw bytes (each form encoded in the file's character set, UTF-8 and
 * Latin-1, in its own, upper and lower case, ASCII letters compared without case). Immutable
 * and thread-safe; byte patterns are built once per character set.
 */
public final class IdentifierMatcher {
    /** Shorter forms hit too much ordinary text and binary data to mean anything. */
    static final int MIN_LENGTH = 3;

    private final List<Identifier> identifiers;
    /** Lower-case forms by their first character, longest first. */
    private final Map<Character, List<Identifier>> byFirst = new HashMap<>();
    private final Map<Identifier, String> lower = new HashMap<>();
    private final Map<SpecificCharacterSet, BytePatterns> bytes = new ConcurrentHashMap<>();

    public IdentifierMatcher(Collection<Identifier> ids) {
        Map<String, Identifier> unique = new LinkedHashMap<>();
        for (Identifier id : ids.stream().sorted(Identifier.PRECEDENCE).toList()) {
            String v = id.value().trim();
            if (v.codePointCount(0, v.length()) >= MIN_LENGTH) {
                unique.putIfAbsent(v.toLowerCase(Locale.ROOT), new Identifier(id.kind(), id.source(), v));
            }
        }
        List<Identifier> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparingInt((Identifier i) -> i.value().length()).reversed());
        this.identifiers = List.copyOf(sorted);
        for (Identifier i : sorted) {
            String l = i.value().toLowerCase(Locale.ROOT);
            lower.put(i, l);
            byFirst.computeIfAbsent(l.charAt(0), k -> new ArrayList<>()).add(i);
        }
    }

    public static IdentifierMatcher empty() { return new IdentifierMatcher(List.of()); }

    public boolean isEmpty() { return identifiers.isEmpty(); }

    public List<Identifier> identifiers() { return identifiers; }

    /** A hit: which identifier, and the text as it stands in the output. */
    public record Hit(Identifier identifier, String found) {}

    /**
     * Every distinct identifier found in {@code text}, in order of appearance, ignoring case;
     * at each place the longest form wins and its parts are not listed again.
     */
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        if (identifiers.isEmpty() || text == null || text.isEmpty()) {
            return hits;
        }
        String l = text.toLowerCase(Locale.ROOT);
        if (l.length() != text.length()) {
            l = caseFoldedSameLength(text);
        }
        for (int p = 0; p < l.length(); p++) {
            List<Identifier> candidates = byFirst.get(l.charAt(p));
            if (candidates == null) {
                continue;
            }
            for (Identifier id : candidates) {
                String form = lower.get(id);
                if (l.startsWith(form, p) && bounded(id, text, p, p + form.length())) {
                    if (hits.stream().noneMatch(h -> h.identifier().equals(id))) {
                        hits.add(new Hit(id, text.substring(p, p + form.length())));
                    }
                    p += form.length() - 1;
                    break;
                }
            }
        }
        return hits;
    }

    /** Whole words for names and IDs, no digit before a date (one may follow: a date-time). */
    private static boolean bounded(Identifier id, String text, int start, int end) {
        boolean before = start == 0 || !(id.isDate() ? Character.isDigit(text.codePointBefore(start))
                : Character.isLetterOrDigit(text.codePointBefore(start)));
        if (id.isDate()) {
            return before;
        }
        if (!id.wordLike()) {
            return true;
        }
        return before && (end >= text.length() || !Character.isLetterOrDigit(text.codePointAt(end)));
    }

    /** Lower case character by character, for the rare text whose lower case changes length. */
    private static String caseFoldedSameLength(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    /** A scanner over raw bytes for data in character set {@code cs}. */
    public ByteScanner scanner(SpecificCharacterSet cs) {
        return new ByteScanner(bytes.computeIfAbsent(cs, c -> BytePatterns.of(identifiers, c)));
    }

    /** Byte forms of the identifiers for one character set, bucketed by their first (folded) byte. */
    record BytePatterns(List<List<Form>> buckets, int maxLength) {
        record Form(byte[] bytes, Identifier identifier, String encoding) {}

        static BytePatterns of(List<Identifier> ids, SpecificCharacterSet cs) {
            List<List<Form>> buckets = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                buckets.add(new ArrayList<>());
            }
            int max = 0;
            for (Identifier id : ids) {
                List<byte[]> seen = new ArrayList<>();
                for (String v : List.of(id.value(), id.value().toUpperCase(Locale.ROOT), id.value().toLowerCase(
                        Locale.ROOT))) {
                    max = Math.max(max, add(buckets, seen, id, cs.encode(v, id.kind() == Identifier.Kind.NAME),
                            "file charset"));
                    max = Math.max(max, add(buckets, seen, id, v.getBytes(StandardCharsets.UTF_8), "UTF-8"));
                    if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(v)) {
                        max = Math.max(max, add(buckets, seen, id, v.getBytes(StandardCharsets.ISO_8859_1), "Latin-1"));
                    }
                }
            }
            buckets.forEach(b -> b.sort(Comparator.comparingInt((Form f) -> f.bytes().length).reversed()));
            return new BytePatterns(buckets, max);
        }

        private static int add(List<List<Form>> buckets, List<byte[]> seen, Identifier id, byte[] b, String enc) {
            if (b.length == 0 || seen.stream().anyMatch(s -> java.util.Arrays.equals(s, b))) {
                return 0;
            }
            seen.add(b);
            buckets.get(ByteScanner.fold(b[0])).add(new Form(b, id, enc));
            return b.length;
        }
    }
}
