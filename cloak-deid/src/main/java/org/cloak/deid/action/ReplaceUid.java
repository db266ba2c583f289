package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** U: each UID value is replaced by its keyed-hash pseudonym, so references stay consistent. */
public record ReplaceUid() implements Action {
    @Override
    public String code() { return "U"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        String text = ctx.text(e);
        if (text == null || text.isEmpty()) {
            return e;
        }
        String[] uids = text.split("\\\\", -1);
        for (int i = 0; i < uids.length; i++) {
            String u = uids[i].trim().replace("\0", "");
            uids[i] = u.isEmpty() ? u : ctx.mapUid(u);
        }
        return ctx.withText(e, String.join("\\", uids));
    }
}
