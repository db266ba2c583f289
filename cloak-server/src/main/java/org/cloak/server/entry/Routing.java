package org.cloak.server.entry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * XNAT-style routing of a received instance: (0010,4000) PatientComments, else (0032,4000)
 * StudyComments, holding {@code Project: X Subject: Y Session: Z} (any order, separated by
 * spaces or semicolons; Subject and Session optional). Read from the original, before any recipe.
 */
public final class Routing {
    private static final Pattern PROJECT = Pattern.compile("(?i)\\bProject\\s*:\\s*([A-Za-z0-9_-]+)");
    private static final Pattern SUBJECT = Pattern.compile("(?i)\\bSubject\\s*:\\s*([A-Za-z0-9_-]+)");
    private static final Pattern SESSION = Pattern.compile("(?i)\\bSession\\s*:\\s*([A-Za-z0-9_-]+)");

    private Routing() {}

    /** Where the comments send an instance; subject and session may be null. */
    public record Route(String project, String subject, String session) {}

    public static Optional<Route> of(DataSet original) {
        Optional<Route> r = parse(original.getString(Tag.PatientComments));
        return r.isPresent() ? r : parse(original.getString(Tag.StudyComments));
    }

    static Optional<Route> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String project = group(PROJECT.matcher(text));
        if (project == null) {
            return Optional.empty();
        }
        return Optional.of(new Route(project, group(SUBJECT.matcher(text)), group(SESSION.matcher(text))));
    }

    private static String group(Matcher m) {
        return m.find() ? m.group(1) : null;
    }
}
