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
        if (text.indexOf('\\') < 0) { // one value, the common case
            return ctx.withText(e, map(text, ctx));
        }
        String[] uids = text.split("\\\\", -1);
        for (int i = 0; i < uids.length; i++) {
            uids[i] = map(uids[i], ctx);
        }
        return ctx.withText(e, String.join("\\", uids));
    }

    private static String map(String value, ActionContext ctx) {
        String u = value.trim().replace("\0", "");
        return u.isEmpty() ? u : ctx.mapUid(u);
    }
}
