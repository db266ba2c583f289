package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.text.Render;
import org.cloak.server.api.Access;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.project.Project;
import org.cloak.server.session.FileChange;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/**
 * The header browser of one stored instance (attribute tree, before/after from the change
 * record) and its image preview, rendered by cloak-pixel to PNG on the server. The instance is
 * named in the URL by its de-identified SOP Instance UID and must be one the session's record lists.
 */
final class FilePages {
    private final ServerParts parts;
    private final Pages pages;
    private final SessionActions actions;
    private final SessionRows rows;

    FilePages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
        this.actions = new SessionActions(parts);
        this.rows = new SessionRows(parts.sessions());
    }

    void register(Javalin app) {
        String f = "/projects/{id}/sessions/{session}/files/{sop}";
        app.get(f, this::header, Access.MEMBER);
        app.get(f + "/preview.png", this::preview, Access.MEMBER);
    }

    /** A stored file of the session in the path, with its session. */
    private record Stored(Session session, SessionStore.StoredFile file, Path path) {}

    private Stored stored(Context ctx) {
        Session s = actions.session(ctx);
        String sop = ctx.pathParam("sop");
        SessionStore.StoredFile f = parts.sessions().files(s.id()).stream().filter(x -> x.sopUid().equals(sop))
                .findFirst().orElseThrow(() -> ApiException.notFound("no such instance in session " + s.id()));
        return new Stored(s, f, parts.sessions().folder(s).resolve(f.relative()));
    }

    private void header(Context ctx) throws IOException {
        Stored st = stored(ctx);
        DicomFile file;
        synchronized (parts.sessions().lock(st.session().id())) {
            file = DicomReader.read(st.path());
        }
        List<FileChange> changes = parts.sessions().changes(st.session().id(), st.file().sopUid());
        HeaderTree tree = new HeaderTree(changes);
        List<HeaderRow> rowsOf = tree.rows(file.dataset());
        int frames = 0;
        String problem = null;
        try {
            frames = PixelData.open(file.dataset(), file.transferSyntax().uid(), PixelCodecs.standard()).count();
        } catch (PixelException | IOException e) {
            problem = "no preview: " + e.getMessage();
        }
        DataSet ds = file.dataset();
        FileView view = new FileView(st.file().sopUid(), st.file().seriesUid(), file.transferSyntax().uid(), rowsOf,
                changes.stream().filter(c -> c.kind() == FileChange.Kind.REMOVED).toList(), changes,
                tree.attributes(), tree.unchanged(), !changes.isEmpty(), frames, problem, first(ds, Tag.WindowCenter),
                first(ds, Tag.WindowWidth));
        Project project = parts.projects().store().get(st.session().project()).orElseThrow();
        pages.render(ctx, "file.jte", "page", pages.page(ctx, "Header of an instance", "projects"), "project",
                project, "row", rows.row(st.session()), "file", view);
    }

    private void preview(Context ctx) throws IOException {
        Stored st = stored(ctx);
        DicomFile file;
        synchronized (parts.sessions().lock(st.session().id())) {
            file = DicomReader.read(st.path());
        }
        int frame = intParam(ctx, "frame", 0);
        Render.Window w = null;
        String c = ctx.queryParam("center");
        String wd = ctx.queryParam("width");
        if (c != null && !c.isBlank() && wd != null && !wd.isBlank()) {
            try {
                w = new Render.Window(Double.parseDouble(c.strip()), Double.parseDouble(wd.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("window center and width are numbers");
            }
        }
        try {
            PixelData pixels = PixelData.open(file.dataset(), file.transferSyntax().uid(), PixelCodecs.standard());
            if (frame < 0 || frame >= pixels.count()) {
                throw ApiException.badRequest("frame " + frame + " of " + pixels.count());
            }
            byte[] png = Render.png(pixels.read(frame), file.dataset(), w);
            ctx.header("Cache-Control", "private, no-store").contentType("image/png").result(png);
        } catch (PixelException e) {
            throw new ApiException(415, "the pixel data cannot be shown: " + e.getMessage());
        }
    }

    private static int intParam(Context ctx, String name, int def) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is a whole number");
        }
    }

    private static String first(DataSet ds, int tag) {
        String[] v = ds.getStrings(tag);
        return v == null || v.length == 0 ? "" : v[0].strip();
    }
}
