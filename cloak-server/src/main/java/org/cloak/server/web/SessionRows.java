package org.cloak.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/** Builds {@link SessionRow}s from the session store and one stored file of each session. */
final class SessionRows {
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SessionStore sessions;

    SessionRows(SessionStore sessions) {
        this.sessions = sessions;
    }

    SessionRow row(Session s) {
        List<SessionStore.StoredFile> files = sessions.files(s.id());
        TreeSet<String> modalities = new TreeSet<>();
        TreeSet<String> series = new TreeSet<>();
        for (SessionStore.StoredFile f : files) {
            if (f.modality() != null && !f.modality().isBlank()) {
                modalities.add(f.modality());
            }
            series.add(f.seriesUid());
        }
        String date = files.isEmpty() ? "" : studyDate(sessions.folder(s).resolve(files.get(0).relative()));
        Long at = sessions.anonymizedAt(s.id());
        return new SessionRow(s, date, String.join(", ", modalities), series.size(), QcStatus.of(s),
                at == null ? "" : MINUTES.format(Instant.ofEpochMilli(at)));
    }

    List<SessionRow> rows(List<Session> list) {
        return list.stream().map(this::row).toList();
    }

    /** The StudyDate written as YYYY-MM-DD, as the stored (de-identified) file has it. */
    private static String studyDate(Path file) {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            DicomFile f = DicomReader.read(file);
            String d = f.dataset().getString(Tag.StudyDate);
            if (d == null || d.isBlank()) {
                return "(none)";
            }
            d = d.strip();
            return d.length() == 8 ? d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6) : d;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
