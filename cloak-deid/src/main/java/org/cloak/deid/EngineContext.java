package org.cloak.deid;

import java.time.LocalDate;
import org.cloak.deid.action.ActionContext;
import org.cloak.deid.clean.DescriptorCleaner;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;

/**
 * The {@link ActionContext} for one data set; {@link #scope} follows the walk into items, and
 * its item decodes and encodes text with the character set in force there.
 */
final class EngineContext implements ActionContext {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final DeidConfig config;
    private final PatientPlan plan;
    private final DescriptorCleaner cleaner;
    Scope scope;

    EngineContext(DeidConfig config, PatientPlan plan, DescriptorCleaner cleaner) {
        this.config = config;
        this.plan = plan;
        this.cleaner = cleaner;
    }

    @Override
    public String text(Element e) {
        if (!(e.value() instanceof Bytes b)) {
            return null;
        }
        String s = scope.item().decodeText(e.vr(), b.data());
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public Element withText(Element e, String value) {
        return new Element(e.tag(), e.vr(), new Bytes(DataSet.pad(scope.item().encodeText(e.vr(), value), e.vr())));
    }

    @Override
    public Scope scope() { return scope; }

    @Override
    public String mapUid(String uid) { return config.uids().map(uid); }

    @Override
    public String newPatientId() { return plan.newPatientId(); }

    @Override
    public String newPatientName() { return plan.newPatientName(); }

    @Override
    public int dateOffsetDays() { return plan.dateOffsetDays(); }

    @Override
    public String timepoint() { return plan.timepoint(); }

    @Override
    public LocalDate timepointDate(LocalDate original) { return plan.timepointDates().apply(original); }

    @Override
    public LocalDate processingDate() { return config.processingDate(); }

    @Override
    public String clean(String text) { return cleaner.clean(text); }

    /** Base-34 digits (no I or O) of the keyed hash, so the value is readable and fits any text VR. */
    @Override
    public String hash(String value, int length) {
        byte[] h = config.secret().hmac("hash", value);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[(h[i % h.length] & 0xFF) % ALPHABET.length]);
        }
        return sb.toString();
    }
}
