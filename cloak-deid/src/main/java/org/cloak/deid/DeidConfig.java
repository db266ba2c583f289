package org.cloak.deid;

import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.RuleSet;

/**
 * Everything the engine needs to de-identify, compiled from a profile, options and a recipe.
 *
 * @param rules the compiled rule model (with {@code stages}, the rules of the last stage)
 * @param method what is written into (0012,0063) and (0012,0064)
 * @param longitudinal value of (0028,0303)
 * @param allowBurnedIn write files flagged (or likely) to carry burned-in text instead of quarantining them
 * @param recordValues put old and new values into audit events (they are PHI: only for encrypted sinks)
 * @param stages empty for one pass of {@code rules} over the original; else the passes in order,
 *     each over the previous one's result (a script whose statements read what earlier ones
 *     wrote, or several scripts applied one after another), the last one's rules being {@code rules}
 */
public record DeidConfig(RuleSet rules, MethodDescription method, Longitudinal longitudinal, boolean allowBurnedIn,
                         UidMapper uids, Secret secret, LocalDate processingDate, boolean recordValues,
                         List<Stage> stages) {

    public DeidConfig {
        stages = List.copyOf(stages);
        if (!stages.isEmpty() && stages.get(stages.size() - 1).rules() != rules) {
            throw new IllegalArgumentException("the last stage's rules must be the configuration's rules");
        }
    }

    /** One pass of {@code rules} over the original. */
    public DeidConfig(RuleSet rules, MethodDescription method, Longitudinal longitudinal, boolean allowBurnedIn,
                      UidMapper uids, Secret secret, LocalDate processingDate, boolean recordValues) {
        this(rules, method, longitudinal, allowBurnedIn, uids, secret, processingDate, recordValues, List.of());
    }

    /** Describes the de-identification for the output's marker attributes. */
    public record MethodDescription(String text, List<MethodCode> codes) {}

    /** A CID 7050 code. */
    public record MethodCode(String value, String scheme, String meaning) {}

    /**
     * One pass: the gates are tested on the pass's input (the original, or the previous pass's
     * result), then the rules build the next data set from it.
     */
    public record Stage(List<Gate> gates, RuleSet rules) {
        public Stage {
            gates = List.copyOf(gates);
        }
    }

    /**
     * A test that holds a file back instead of writing it: a script's {@code reject}, a pixel
     * rule no pixel step carries out yet, a CTP {@code @quarantine()}.
     *
     * @param message the reason recorded with the quarantined file (never a value of it)
     */
    public record Gate(Condition when, Outcome.Reason reason, String message) {}
}
