package org.cloak.deid.script.ctp;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.ExprCondition;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * Where CTP applies a script's lines: the top level, and the items of sequences whose script
 * is {@code @process()} (at any depth, each level's sequence processed); elements after the
 * pixel data at the top level only by {@code @remove()} and the removal switches.
 */
final class Places {
    private final Set<Selector> processed;

    Places(Set<Selector> processed) {
        this.processed = Set.copyOf(processed);
    }

    /** A condition computed from the scope, named for {@code recipe explain}. */
    static Condition test(String name, Predicate<Scope> p) {
        return ExprCondition.of(new ValueExpr.Call(name, List.of(), (v, ctx) -> p.test(ctx.scope()) ? "true"
                : "false"), ExprCondition.Kind.TRUE, null);
    }

    boolean isProcessed(int tag, String creator) {
        for (Selector s : processed) {
            if (s.matches(tag, creator)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every sequence around the scope is one whose items CTP processes. */
    boolean reachedAt(Scope scope) {
        for (int d = 0; d < scope.depth(); d++) {
            if (!isProcessed(scope.sequenceTag(d), scope.creator(d))) {
                return false;
            }
        }
        return true;
    }

    /** Where the lines for any element apply. */
    Condition reached() {
        return test("ctp processes this dataset", this::reachedAt);
    }

    /** Where a script line for {@code key} applies (elements after the pixel data excepted). */
    Condition reached(ElementKey key) {
        if (!afterPixels(key)) {
            return reached();
        }
        return test("ctp processes this dataset before the pixel data", s -> reachedAt(s)
                && !(s.depth() == 0 && s.original().contains(Tag.PixelData)));
    }

    /** Whether an element comes after (7FE0,0010) in a data set. */
    static boolean afterPixels(ElementKey key) {
        if (key.creator() != null) {
            return Tags.group(key.tag()) > 0x7FE0;
        }
        return Integer.compareUnsigned(key.tag(), Tag.PixelData) > 0;
    }
}
