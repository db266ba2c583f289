package org.cloak.server.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.cloak.deid.pseudo.Origin;
import org.cloak.net.dimse.Status;
import org.cloak.net.scp.AssociationInfo;
import org.cloak.net.scp.Part10Header;
import org.cloak.net.scp.StoreHandler;
import org.cloak.net.scp.StoreRequest;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.config.DataDir;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.Project;
import org.cloak.server.project.ProjectStore;

/**
 * The DICOM entry: a storage SCP handler. The called AE title selects the project (each
 * project's own AE title); an instance sent to the server's AE title is routed by its comments
 * ({@link Routing}), else goes to the unassigned prearchive. Each instance is spooled to a file
 * as it arrives, taken in by {@link Ingest} and acknowledged only once it is stored or
 * quarantined; its session stays "receiving" until the quiet time has passed.
 */
public final class DicomEntry implements StoreHandler {
    private final String serverAe;
    private final DataDir dirs;
    private final ProjectStore projects;
    private final Ingest ingest;
    private final Deidentifiers deids;
    private final AuditTrail audit;
    /** Per association: stored, quarantined, rejected. */
    private final Map<Long, AtomicIntegerArray> counts = new ConcurrentHashMap<>();

    public DicomEntry(String serverAe, DataDir dirs, ProjectStore projects, Ingest ingest, Deidentifiers deids,
                      AuditTrail audit) {
        this.serverAe = serverAe;
        this.dirs = dirs;
        this.projects = projects;
        this.ingest = ingest;
        this.deids = deids;
        this.audit = audit;
    }

    @Override
    public boolean acceptsCalledAeTitle(String calledAeTitle) {
        return projects.byAeTitle(calledAeTitle).isPresent();
    }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws IOException {
        Path file = Files.createTempFile(dirs.tmp(), "in-", ".dcm");
        try {
            if (!spool(request, dataSet, file)) {
                return Status.OUT_OF_RESOURCES.withComment("could not spool the instance");
            }
            AssociationInfo a = request.association();
            Project project = null;
            if (!serverAe.equals(a.calledAeTitle())) {
                Optional<Project> p = projects.byAeTitle(a.calledAeTitle());
                if (p.isEmpty()) {
                    return Status.OUT_OF_RESOURCES.withComment("the project of this AE title was removed");
                }
                project = p.get();
            }
            Ingest.Result r = ingest.ingest(file, Origin.received(a.callingAeTitle()),
                    new Ingest.Target(project, true, null, "dicom:" + a.callingAeTitle()));
            AtomicIntegerArray c = counts.computeIfAbsent(a.id(), k -> new AtomicIntegerArray(3));
            if (r instanceof Ingest.Stored) {
                c.incrementAndGet(0);
                return Status.SUCCESS;
            }
            if (r instanceof Ingest.Quarantined) {
                // kept for a person to look at: the sender need not send it again
                c.incrementAndGet(1);
                return Status.SUCCESS;
            }
            c.incrementAndGet(2);
            Ingest.Rejected x = (Ingest.Rejected) r;
            return x.reason().startsWith("not a DICOM") ? Status.CANNOT_UNDERSTAND.withComment("not a DICOM data set")
                    : Status.OUT_OF_RESOURCES.withComment("could not store the instance");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void associationClosed(AssociationInfo a) {
        AtomicIntegerArray c = counts.remove(a.id());
        deids.checkpointAll();
        if (c != null) {
            String project = serverAe.equals(a.calledAeTitle()) ? null
                    : projects.byAeTitle(a.calledAeTitle()).map(Project::id).orElse(null);
            audit.record("dicom:" + a.callingAeTitle(), "receive", project, "association " + a.id(),
                    c.get(0) + " stored, " + c.get(1) + " quarantined, " + c.get(2) + " rejected (called "
                            + a.calledAeTitle() + ")");
        }
    }

    private static boolean spool(StoreRequest request, InputStream dataSet, Path file) throws IOException {
        boolean diskOk = true;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            diskOk = write(ch, ByteBuffer.wrap(Part10Header.encode(request)));
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = dataSet.read(buf)) >= 0) {
                if (diskOk) {
                    diskOk = write(ch, ByteBuffer.wrap(buf, 0, n));
                }
            }
        }
        return diskOk;
    }

    private static boolean write(FileChannel ch, ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
