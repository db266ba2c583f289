package org.cloak.server.web;

import java.util.List;
import org.cloak.server.session.SessionStore;

/** One series of a session: its de-identified UID, modality and stored instances (the first is its thumbnail). */
public record SeriesView(String uid, String modality, List<SessionStore.StoredFile> files) {

    public SessionStore.StoredFile first() { return files.get(0); }
}
