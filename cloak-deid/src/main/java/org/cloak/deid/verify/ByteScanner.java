package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloak.deid.verify.IdentifierMatcher.BytePatterns;
import org.cloak.deid.verify.IdentifierMatcher.BytePatterns.Form;

/**
 * Searches a stream of bytes, fed in chunks, for the byte forms of identifiers. A match may
 * straddle two chunks: the scanner carries over enough bytes to see it, and one byte more on
 * each side to check word boundaries. One scanner per value; not thread-safe.
 */
public final class ByteScanner {
    private final BytePatterns patterns;
    private final List<Hit> hits = new ArrayList<>();
    private byte[] work = new byte[0];
    private int have;
    private int from;
    /** Positions before this one lie inside a match already reported (a name's parts are not listed again). */
    private int covered;

    ByteScanner(BytePatterns patterns) {
        this.patterns = patterns;
    }

    /** A hit: the identifier and the encoding its bytes were found in. */
    public record Hit(Identifier identifier, String encoding) {}

    /** Feeds the next {@code n} bytes of {@code buf}. */
    public void feed(byte[] buf, int n) {
        if (patterns.maxLength() == 0) {
            return;
        }
        if (have + n > work.length) {
            work = Arrays.copyOf(work, Math.max(have + n, work.length * 2));
        }
        System.arraycopy(buf, 0, work, have, n);
        have += n;
        int limit = have - (patterns.maxLength() + 1);
        if (limit > from) {
            search(limit);
            int keep = limit - 1;
            System.arraycopy(work, keep, work, 0, have - keep);
            have -= keep;
            covered = Math.max(0, covered - keep);
            from = 1;
        }
    }

    /** Ends the value and returns every distinct identifier found. */
    public List<Hit> finish() {
        if (patterns.maxLength() > 0) {
            search(have);
        }
        return hits;
    }

    private void search(int limit) {
        for (int p = Math.max(from, covered); p < limit; p++) {
            for (Form f : patterns.buckets().get(fold(work[p]))) { // longest first
                byte[] b = f.bytes();
                if (p + b.length > have || !matches(b, p) || !bounded(f, p, b.length)) {
                    continue;
                }
                Identifier id = f.identifier();
                if (hits.stream().noneMatch(h -> h.identifier().equals(id))) {
                    hits.add(new Hit(id, f.encoding()));
                }
                covered = p + b.length;
                p = covered - 1;
                break;
            }
        }
    }

    private boolean matches(byte[] b, int p) {
        for (int i = 0; i < b.length; i++) {
            if (fold(work[p + i]) != fold(b[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean bounded(Form f, int p, int len) {
        Identifier id = f.identifier();
        boolean before = p == 0 || !isAlnum(work[p - 1], id.isDate());
        if (id.isDate()) {
            return before;
        }
        if (!id.wordLike()) {
            return true;
        }
        int after = p + len;
        return before && (after >= have || !isAlnum(work[after], false));
    }

    private static boolean isAlnum(byte b, boolean digitsOnly) {
        if (b >= '0' && b <= '9') {
            return true;
        }
        return !digitsOnly && (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z');
    }

    /** ASCII letters folded to lower case; other bytes as they are. */
    static int fold(byte b) {
        int x = b & 0xFF;
        return x >= 'A' && x <= 'Z' ? x + 32 : x;
    }
}
