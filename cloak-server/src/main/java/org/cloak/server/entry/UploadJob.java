package org.cloak.server.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloak.deid.pseudo.Origin;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;
import org.cloak.pipeline.source.ZipInputs;
import org.cloak.server.config.DataDir;
import org.cloak.server.job.Job;
import org.cloak.server.job.JobContext;
import org.cloak.server.job.JobHandler;
import org.cloak.server.project.Project;
import org.cloak.server.project.ProjectStore;
import org.cloak.server.qc.QcService;
import org.cloak.server.session.Labels;

/**
 * Processes an upload (an UPLOAD job: a zip archive and/or files sent over HTTP, waiting in
 * {@code DATA/jobs/TOKEN/}) or a server-side folder import (an IMPORT job). Archives are
 * extracted by the pipeline's {@link ZipInputs} under neutral names, entries that would escape
 * refused; each file is taken in by {@link Ingest}; then every session touched is verified. Each
 * input is recorded as finished once stored, quarantined or rejected, so a job resumed after a
 * crash does the rest, and nothing twice.
 */
public final class UploadJob implements JobHandler {
    /** The uploaded archive in the upload's folder. */
    public static final String ARCHIVE = "upload.zip";
    /** Uploaded single files (multipart), in the upload's folder. */
    public static final String FILES = "files";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataDir dirs;
    private final ProjectStore projects;
    private final Ingest ingest;
    private final QcService qc;

    public UploadJob(DataDir dirs, ProjectStore projects, Ingest ingest, QcService qc) {
        this.dirs = dirs;
        this.projects = projects;
        this.ingest = ingest;
        this.qc = qc;
    }

    /** The parameters of an upload: the token naming its folder. */
    public static String uploadParams(String token) {
        return JSON.createObjectNode().put("upload", token).toString();
    }

    /** The parameters of an import: the folder. */
    public static String importParams(Path folder) {
        return JSON.createObjectNode().put("folder", folder.toString()).toString();
    }

    @Override
    public void run(JobContext ctx) throws IOException, InterruptedException {
        Job job = ctx.job();
        Project project = projects.get(job.project()).orElseThrow(
                () -> new IllegalStateException("the project of the upload no longer exists"));
        JsonNode p = JSON.readTree(job.params());
        List<ZipInputs.Refused> refused = new ArrayList<>();
        List<InputItem> items;
        Path dir;
        if (job.kind() == Job.Kind.IMPORT) {
            dir = dirs.job(job.id());
            Leftovers.deleteTree(dir);
            items = importItems(Path.of(p.path("folder").asText()), dir, refused);
        } else {
            dir = dirs.jobsRoot().resolve(p.path("upload").asText());
            items = uploadItems(dir, refused);
        }
        long bytes = 0;
        for (InputItem i : items) {
            bytes += Files.size(i.file());
        }
        ctx.totals(items.size() + refused.size(), bytes);
        Set<String> done = ctx.doneNames();
        ctx.log(done.isEmpty() ? job.kind().wire() + " of " + items.size() + " file(s) into project " + project.id()
                : "resuming: " + done.size() + " input(s) were finished before");
        int n = 0;
        for (ZipInputs.Refused r : refused) {
            // an entry name may name a patient: the record keeps only a digest of it
            ctx.done(name("refused/" + n++ + "/" + r.entry()), "REJECTED", r.reason(), 0, null);
        }
        Ingest.Target target = new Ingest.Target(project, false, job.id(), job.createdBy());
        for (InputItem item : items) {
            String name = name(item.relative().toString());
            if (done.contains(name)) {
                continue;
            }
            if (ctx.cancelled()) {
                return;
            }
            record(ctx, name, ingest.ingest(item.file(), origin(job.id(), item), target));
        }
        qc.verifySessions(ctx, ctx.sessions());
        if (!ctx.cancelled()) {
            Leftovers.deleteTree(dir);
        }
    }

    private static List<InputItem> uploadItems(Path dir, List<ZipInputs.Refused> refused) throws IOException {
        List<InputItem> items = new ArrayList<>();
        Path zip = dir.resolve(ARCHIVE);
        if (Files.exists(zip)) {
            Path in = dir.resolve("in");
            Leftovers.deleteTree(in);
            items.addAll(ZipInputs.extract(zip, in, refused, true));
        }
        Path files = dir.resolve(FILES);
        if (Files.isDirectory(files)) {
            List<Path> parts = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(files)) {
                ds.forEach(parts::add);
            }
            parts.sort(null);
            for (Path f : parts) {
                items.add(new InputItem(f, files, Path.of(FILES, f.getFileName().toString())));
            }
        }
        return items;
    }

    /** The files of an import folder; a link leading out of it is refused. */
    private static List<InputItem> importItems(Path folder, Path tmp, List<ZipInputs.Refused> refused)
            throws IOException {
        Path real = folder.toRealPath();
        List<InputItem> items = new ArrayList<>();
        for (InputItem i : InputSource.list(List.of(folder), tmp, null, refused)) {
            if (!i.file().toRealPath().startsWith(real) && !i.file().toAbsolutePath().startsWith(tmp)) {
                refused.add(new ZipInputs.Refused(i.relative().toString(), "a link leading out of the import folder"));
                continue;
            }
            items.add(i);
        }
        return items;
    }

    static void record(JobContext ctx, String name, Ingest.Result r) {
        if (r instanceof Ingest.Stored s) {
            ctx.done(name, "STORED", null, s.bytes(), s.session());
        } else if (r instanceof Ingest.Quarantined q) {
            ctx.done(name, "QUARANTINED", q.reason(), q.bytes(), null);
        } else {
            Ingest.Rejected x = (Ingest.Rejected) r;
            ctx.done(name, "REJECTED", x.reason(), x.bytes(), null);
        }
    }

    /** Where an uploaded file came from, for ID strategies that look at folders. */
    static Origin origin(long job, InputItem item) {
        List<String> folders = new ArrayList<>();
        if (item.relative().getParent() != null) {
            item.relative().getParent().forEach(x -> folders.add(x.toString()));
        }
        return new Origin("upload:" + job, null, folders, item.relative().getFileName().toString(), null);
    }

    /** An input's neutral name: a digest of its path in the upload. */
    static String name(String relative) {
        return Labels.hash(relative).substring(0, 40);
    }
}
