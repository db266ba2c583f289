package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.AnyVr;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.StageBuilder;
import org.cloak.dicom.dict.Vr;

/**
 * Compiles a pydicom deid recipe ({@code FORMAT dicom}) as deid's DicomParser runs it: the
 * {@code strip_sequences} and {@code remove_private} switches first, then the {@code %header}
 * actions in order; {@code %filter} groups are tested on the original file; {@code %values}
 * and {@code %fields} groups are read for the FIELDs that name them; {@code %labels} are
 * checked and listed, as deid leaves them to the calling program.
 */
public final class DeidRecipes {
    private DeidRecipes() {}

    /**
     * @param name the file name, for origins and messages
     * @throws ScriptException for anything Cloak cannot run as deid does, with its line and column
     */
    public static CompiledScript compile(String name, String text, ScriptInputs inputs) throws ScriptException {
        Ast.Recipe recipe = Parser.parse(name, text);
        List<String> warnings = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        Names names = new Names(name, recipe, warnings, inputs.deidRemovePrivate(), inputs.deidStripSequences());
        for (Ast.Group g : recipe.values().values()) {
            names.values(new Ast.Field("values:" + g.name(), g.line(), g.col()), g.name());
        }
        StageBuilder stages = new StageBuilder();
        FilterGates.gates(name, recipe.filters(), warnings).forEach(stages::gate);
        if (inputs.deidStripSequences() || inputs.deidRemovePrivate()) {
            if (inputs.deidStripSequences()) {
                stages.add(new Rule(new AnyVr(Set.of(Vr.SQ)), new Remove(), name + " strip_sequences"));
            }
            if (inputs.deidRemovePrivate()) {
                stages.add(new Rule(new Selector.AllPrivate(), new Remove(), name + " remove_private"));
            }
            stages.split();
        }
        new HeaderCompiler(name, names, new Values(name, inputs, warnings, deviations), stages, deviations)
                .compile(recipe.header());
        for (Ast.Action l : recipe.labels()) {
            warnings.add(l.line() + ": %labels " + l.verb() + " " + l.field().text() + " is a label for the calling"
                    + " program; deid does not apply it to the data and neither does Cloak");
        }
        deviations.add("BLANK empties the attribute (a sequence loses its items), as deid's documentation says;"
                + " Cloak never blanks or changes the file meta (group 0002), which it writes anew");
        deviations.add("REPLACE changes the attribute where it is; deid's add_field also writes a nested field's new"
                + " value at the top level");
        return new CompiledScript(name, ScriptFormat.DEID, stages.build(), List.copyOf(new LinkedHashSet<>(warnings)),
                List.copyOf(new LinkedHashSet<>(deviations)));
    }
}
