package org.cloak.deid.rule;

import java.util.List;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.dict.Vr;

/**
 * An attribute at a place in the tree of sequences: {@code (0040,0275)[0]/(0040,0009)} is the
 * ScheduledProcedureStepID of the first item of the RequestAttributesSequence, and only there.
 * Levels are a sequence with an item index or any item ({@code [%]}), or a run of any
 * sequences: {@code .} exactly one level, {@code +} one or more, {@code *} zero or more. So
 * {@code +/PatientName} is PatientName anywhere below the top level, and a {@code *} run before
 * it would also take the top level. Sequence and element steps are any selector that needs no context (a tag, a tag
 * pattern, a private element by creator, a keyword pattern).
 *
 * @param levels the sequence levels from the top, outermost first
 * @param element the attribute itself
 */
public record TagPath(List<Level> levels, Selector element) implements Selector {
    /** Any item of a level's sequence. */
    public static final int ANY_ITEM = -1;

    /** One or more levels of the path. */
    public sealed interface Level permits Item, AnyLevels {}

    /** The items of a sequence: {@code index} from 0, or {@link #ANY_ITEM}. */
    public record Item(Selector sequence, int index) implements Level {
        public Item {
            requireContextFree(sequence);
        }
    }

    /** A run of {@code min} levels, or of {@code min} or more when {@code unbounded}, through any sequences. */
    public record AnyLevels(int min, boolean unbounded) implements Level {
        /** {@code .}: exactly one level. */
        public static final AnyLevels ONE = new AnyLevels(1, false);
        /** {@code +}: one level or more. */
        public static final AnyLevels ONE_OR_MORE = new AnyLevels(1, true);
        /** {@code *}: any number of levels, none included. */
        public static final AnyLevels ANY = new AnyLevels(0, true);
    }

    public TagPath {
        levels = List.copyOf(levels);
        requireContextFree(element);
    }

    private static void requireContextFree(Selector s) {
        if (s.contextual()) {
            throw new IllegalArgumentException("a path step must not depend on context: " + s.describe());
        }
    }

    @Override
    public boolean matches(int tag, String creator) { return element.matches(tag, creator); }

    @Override
    public boolean matches(int tag, String creator, Vr vr, Scope scope) {
        return element.matches(tag, creator) && matchFrom(0, 0, scope);
    }

    @Override
    public boolean contextual() { return true; }

    /** Whether levels {@code i..} cover the scope's levels {@code depth..}, as a glob over levels. */
    private boolean matchFrom(int i, int depth, Scope scope) {
        if (i == levels.size()) {
            return depth == scope.depth();
        }
        Level level = levels.get(i);
        if (level instanceof Item item) {
            return depth < scope.depth() && item.sequence().matches(scope.sequenceTag(depth), scope.creator(depth))
                    && (item.index() == ANY_ITEM || item.index() == scope.itemIndex(depth))
                    && matchFrom(i + 1, depth + 1, scope);
        }
        AnyLevels run = (AnyLevels) level;
        int most = run.unbounded() ? scope.depth() - depth : run.min();
        for (int k = run.min(); k <= most && depth + k <= scope.depth(); k++) {
            if (matchFrom(i + 1, depth + k, scope)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Level level : levels) {
            if (level instanceof Item item) {
                sb.append(step(item.sequence())).append(item.index() == ANY_ITEM ? "[%]" : "[" + item.index() + "]");
            } else {
                AnyLevels run = (AnyLevels) level;
                sb.append(run.unbounded() ? (run.min() == 0 ? "*" : "+") : ".".repeat(Math.max(1, run.min())));
            }
            sb.append('/');
        }
        return sb.append(step(element)).toString();
    }

    private static String step(Selector s) {
        if (s instanceof Selector.PrivateTag p) {
            return String.format("(%04X,{%s}%02X)", p.group(), p.creator(), p.offset());
        }
        return s.describe();
    }
}
