package org.cloak.pipeline.oracle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.ElementDictionary;

/**
 * The dciodvfy errors an output has that its input did not. An error is excused only when it
 * is the direct, documented effect of the profile's own rule on that attribute: "Missing
 * attribute ... Element=&lt;X&gt;" when the profile removes X, "Empty attribute ... Element=&lt;X&gt;"
 * when it empties X (e.g. PS3.15 E.1-1 says X for Presentation Creation Date, Type 1 in a
 * presentation state). Every other new error fails the test.
 */
final class DciodvfyDiff {
    private static final Pattern ELEMENT = Pattern.compile("Element=<([A-Za-z0-9]+)>");

    /** New errors, split into those the profile's rules explain and the rest. */
    record Result(List<String> excused, List<String> unexplained) {}

    private DciodvfyDiff() {}

    static Result compare(List<String> inputErrors, List<String> outputErrors, RuleSet rules, DataSet original) {
        Set<String> fresh = new LinkedHashSet<>(outputErrors);
        inputErrors.forEach(fresh::remove);
        List<String> excused = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (String line : fresh) {
            (explainedByRule(line, rules, original) ? excused : unexplained).add(line);
        }
        return new Result(excused, unexplained);
    }

    private static boolean explainedByRule(String line, RuleSet rules, DataSet original) {
        Matcher m = ELEMENT.matcher(line);
        if (!m.find()) {
            return false;
        }
        int tag = ElementDictionary.standard().tagOf(m.group(1));
        Rule rule = tag == -1 ? null : rules.resolve(tag, null, original);
        if (rule == null || !original.contains(tag)) {
            return false;
        }
        Action a = rule.action();
        return line.startsWith("Error - Missing attribute") && a instanceof Remove
                || line.startsWith("Error - Empty attribute") && a instanceof Empty;
    }
}
