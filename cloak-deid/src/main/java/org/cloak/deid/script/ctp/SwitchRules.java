package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.action.KeepWhole;
import org.cloak.deid.action.Remove;
import org.cloak.deid.profile.SafePrivate;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;

/**
 * The global switches as rules, in CTP's order of precedence (DICOMAnonymizer.processElements):
 * the removals of unspecified elements and private groups first, then what keeps an element
 * from them (kept groups, safe private elements, SOP Class, SOP Instance and Study Instance
 * UIDs, groups 0028 and 7FE0, overlays and curves unless removed), the scripts over both
 * (added between {@link #before()} and {@link #after()}), and the removal of overlays last.
 */
final class SwitchRules {
    private static final String ORIGIN = "CTP ";

    private final CtpCompiler.Switches sw;
    private final Places places;

    SwitchRules(CtpCompiler.Switches sw, Places places) {
        this.sw = sw;
        this.places = places;
    }

    List<Rule> before() {
        List<Rule> out = new ArrayList<>();
        Condition where = places.reached();
        if (sw.removeUnspecified) {
            out.add(new Rule(Selector.TagPattern.parse("xxxxxxxx"), where, new Remove(),
                    ORIGIN + "remove.unspecifiedelements"));
        }
        if (sw.removePrivate) {
            out.add(new Rule(new Selector.AllPrivate(), where, new Remove(), ORIGIN + "remove.privategroups"));
        }
        if (!sw.removeUnspecified && !sw.removePrivate) {
            return out; // the keeps only hold elements back from those two removals
        }
        for (int g : sw.keepGroups) {
            out.add(keep(Selector.TagPattern.parse(String.format("%04xxxxx", g)), "keep.group" + String.format("%04x",
                    g)));
        }
        if (sw.keepSafePrivate) {
            for (Selector.PrivateTag t : SafePrivate.attributes()) {
                out.add(keep(t, "keep.safeprivateelements"));
            }
        }
        for (int tag : new int[] {Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.StudyInstanceUID}) {
            out.add(keep(new Selector.TagIs(tag), "always kept unless scripted"));
        }
        out.add(keep(Selector.TagPattern.parse("0028xxxx"), "group 0028 kept unless scripted"));
        out.add(keep(Selector.TagPattern.parse("7fe0xxxx"), "group 7FE0 kept unless scripted"));
        if (!sw.removeOverlays) {
            out.addAll(repeating("60", "overlays kept"));
        }
        if (!sw.removeCurves) {
            out.addAll(repeating("50", "curves kept"));
        }
        return out;
    }

    private List<Rule> repeating(String high, String why) {
        List<Rule> out = new ArrayList<>();
        out.add(keep(Selector.TagPattern.parse(high + "xxxxxx"), why));
        if (!sw.removePrivate) {
            out.add(keep(Selector.TagPattern.parse(high + "x#xxxx"), why + " (odd groups)"));
        }
        return out;
    }

    private Rule keep(Selector s, String why) {
        return new Rule(s, places.reached(), new KeepWhole(), ORIGIN + why);
    }

    List<Rule> after() {
        List<Rule> out = new ArrayList<>();
        if (sw.removeOverlays) {
            for (String p : new String[] {"60xxxxxx", "60x#xxxx"}) {
                out.add(new Rule(Selector.TagPattern.parse(p), places.reached(), new Remove(),
                        ORIGIN + "remove.overlays"));
            }
        }
        // CTP stops reading at the digital signatures or the trailing padding after the pixel data
        Condition afterPixels = Places.test("ctp top level after the pixel data", s -> s.depth() == 0
                && s.original().contains(Tag.PixelData));
        for (int tag : new int[] {Tag.DigitalSignaturesSequence, Tag.DataSetTrailingPadding}) {
            out.add(new Rule(new Selector.TagIs(tag), afterPixels, new Remove(), ORIGIN + "end of the data set"));
        }
        return out;
    }
}
