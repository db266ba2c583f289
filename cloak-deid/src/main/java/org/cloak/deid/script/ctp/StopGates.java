package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Outcome;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;

/**
 * The gates of the scripts that can stop CTP: each is evaluated where CTP evaluates it (the top
 * level, a missing {@code @always()} element there, and the items of processed sequences), and
 * a {@code @quarantine()} or a failed lookup holds the file back as quarantined, a
 * {@code @skip()} as refused.
 */
final class StopGates {
    private final List<ElementScript> stopping = new ArrayList<>();
    private final Interpreter in;
    private final Places places;

    StopGates(List<ElementScript> scripts, Interpreter in, Places places) {
        for (ElementScript s : scripts) {
            if (Shapes.mayStop(s.script())) {
                stopping.add(s);
            }
        }
        this.in = in;
        this.places = places;
    }

    List<DeidConfig.Gate> gates() {
        if (stopping.isEmpty()) {
            return List.of();
        }
        return List.of(
                new DeidConfig.Gate(Places.test("ctp script quarantines", s -> stops(s, Env.Stop.QUARANTINE)),
                        Outcome.Reason.REFUSED, "quarantined by the CTP script (@quarantine(), or a lookup or date"
                        + " interval whose key the table does not have)"),
                new DeidConfig.Gate(Places.test("ctp script skips", s -> stops(s, Env.Stop.SKIP)),
                        Outcome.Reason.REFUSED, "skipped by the CTP script's @skip(): held back, never written"
                        + " unchanged"));
    }

    private boolean stops(Scope scope, Env.Stop kind) {
        for (ElementScript s : stopping) {
            if (s.stop(in, scope) == kind) {
                return true;
            }
        }
        DataSet ds = scope.item();
        for (Element e : ds) {
            if (e.value() instanceof Sequence seq) {
                String creator = org.cloak.dicom.dict.Tags.isPrivate(e.tag()) ? ds.privateCreatorOf(e.tag()) : null;
                if (!places.isProcessed(e.tag(), creator)) {
                    continue;
                }
                for (int i = 0; i < seq.size(); i++) {
                    if (stops(scope.enter(e.tag(), creator, i, seq.get(i)), kind)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
