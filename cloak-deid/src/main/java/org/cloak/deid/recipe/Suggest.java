package org.cloak.deid.recipe;

import java.util.Collection;
import java.util.Locale;

/** "did you mean ...?" hints for misspelt keys and names (edit distance, case ignored). */
final class Suggest {
    private Suggest() {}

    /** " (did you mean 'x'?)", or "" when nothing known is close enough. */
    static String hint(String given, Collection<String> known) {
        String best = closest(given, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The closest known word within a distance that grows with its length, or null. */
    static String closest(String given, Collection<String> known) {
        String g = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, Math.min(3, g.length() / 3));
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
