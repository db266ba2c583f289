package org.cloak.net.scp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloak.dicom.io.FileMeta;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.PresentationContext;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.dimse.Command;
import org.cloak.net.dimse.CommandField;
import org.cloak.net.dimse.DimseChannel;
import org.cloak.net.dimse.IncomingCommand;
import org.cloak.net.dimse.PdvInputStream;
import org.cloak.net.dimse.Status;
import org.cloak.net.pdu.AAssociateAc;
import org.cloak.net.pdu.AAssociateRj;
import org.cloak.net.pdu.AAssociateRq;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;
import org.cloak.net.pdu.UserInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one accepted connection: association negotiation (PS3.8 9.2, checks of AE titles and
 * address), then C-ECHO and C-STORE requests until release or abort. Logs AE titles, addresses
 * and counts, never UIDs or attribute values.
 */
final class ScpAssociation implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScpAssociation.class);

    private final Socket socket;
    private final ServerOptions options;
    private final StoreHandler storeHandler;
    private final EchoHandler echoHandler;
    private final Watchdog watchdog;
    private final Counters counters;
    private final Set<Association> live;
    private long instances;
    private long bytes;

    ScpAssociation(Socket socket, DicomServer server, Set<Association> live) {
        this.socket = socket;
        this.options = server.options();
        this.storeHandler = server.storeHandler();
        this.echoHandler = server.echoHandler();
        this.watchdog = server.watchdog();
        this.counters = server.counters();
        this.live = live;
    }

    @Override
    public void run() {
        Association a = null;
        AssociationInfo info = null;
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        try {
            a = Association.awaitRequest(socket, options.timeouts(), options.pduLengthLimit(), watchdog);
            live.add(a);
            AAssociateRq rq = a.request();
            AAssociateRj rj = check(rq, remote);
            if (rj != null) {
                counters.rejected.incrementAndGet();
                LOG.info("association from {} ({} calling {}) rejected: {}", remote, rq.callingAeTitle(),
                        rq.calledAeTitle(),
                        rj.describe());
                a.reject(rj);
                return;
            }
            AAssociateAc ac = acceptance(rq);
            a.accept(ac);
            counters.accepted.incrementAndGet();
            info = new AssociationInfo(counters.serial.incrementAndGet(), rq.callingAeTitle(), rq.calledAeTitle(),
                    remote,
                    rq.userInformation().implementationClassUid(), rq.userInformation().implementationVersionName());
            LOG.info("association {} accepted: {} of {} presentation contexts", info,
                    ac.presentationContexts().stream().filter(PresentationContextAc::accepted).count(),
                    ac.presentationContexts().size());
            serve(new DimseChannel(a), info);
            LOG.info("association {} released after {} instances ({} bytes)", info, instances, bytes);
        } catch (IOException | NetException e) {
            ended(info, remote, e);
        } catch (RuntimeException e) {
            counters.aborted.incrementAndGet();
            LOG.error("association {} failed: {}", info != null ? info : remote, e.toString(), e);
        } finally {
            if (a != null) {
                live.remove(a);
                a.close();
            } else {
                closeQuietly();
            }
            if (info != null) {
                notifyClosed(info);
            }
        }
    }

    private void ended(AssociationInfo info, InetSocketAddress remote, Exception e) {
        counters.aborted.incrementAndGet();
        LOG.warn("association {} ended abnormally after {} instances: {}", info != null ? info : remote, instances,
                e.getMessage());
    }

    private void notifyClosed(AssociationInfo info) {
        try {
            storeHandler.associationClosed(info);
        } catch (RuntimeException e) {
            LOG.error("store handler failed at the end of association {}: {}", info, e.toString(), e);
        }
    }

    /** The rejection for a request that is not acceptable, or null (PS3.8 9.3.4). */
    private AAssociateRj check(AAssociateRq rq, InetSocketAddress remote) {
        if (!AAssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            return permanent(AAssociateRj.REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
        }
        if (!options.aeTitle().equals(rq.calledAeTitle()) && !storeHandler.acceptsCalledAeTitle(rq.calledAeTitle())) {
            return permanent(AAssociateRj.REASON_CALLED_AE_TITLE_NOT_RECOGNIZED);
        }
        boolean aetAllowed = options.allowedCallingAeTitles().isEmpty()
                || options.allowedCallingAeTitles().contains(rq.callingAeTitle());
        boolean addressAllowed = options.allowedAddresses().isEmpty()
                || (remote != null && options.allowedAddresses().contains(remote.getAddress()));
        if (!aetAllowed || !addressAllowed) {
            return permanent(AAssociateRj.REASON_CALLING_AE_TITLE_NOT_RECOGNIZED);
        }
        return null;
    }

    private static AAssociateRj permanent(int reason) {
        return new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, reason);
    }

    private AAssociateAc acceptance(AAssociateRq rq) {
        List<PresentationContextAc> pcs = new ArrayList<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            pcs.add(options.acceptPolicy().negotiate(pc));
        }
        List<UserInformation.RoleSelection> roles = new ArrayList<>();
        for (UserInformation.RoleSelection r : rq.userInformation().roleSelections()) {
            // PS3.7 D.3.3.4: we are SCP only
            roles.add(new UserInformation.RoleSelection(r.sopClassUid(), r.scuRole(), false));
        }
        UserInformation ui = new UserInformation(options.maxPduLength(), FileMeta.IMPLEMENTATION_CLASS_UID,
                FileMeta.IMPLEMENTATION_VERSION_NAME, null, roles);
        return new AAssociateAc(rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(), pcs, ui);
    }

    private void serve(DimseChannel ch, AssociationInfo info) throws IOException {
        while (true) {
            IncomingCommand in = ch.readCommand();
            if (in == null) {
                ch.association().confirmRelease();
                return;
            }
            Command cmd = in.command();
            int field = cmd.commandField();
            if (field == CommandField.C_STORE_RQ) {
                store(ch, in, info);
            } else if (field == CommandField.C_ECHO_RQ) {
                drainIfAny(ch, in);
                counters.echoes.incrementAndGet();
                ch.writeCommand(in.context().id(), Command.responseTo(cmd, echoHandler.echo(info)));
            } else if (field == 0x0FFF || CommandField.isResponse(field)) {
                // C-CANCEL-RQ gets no response; a stray response has nothing to answer
                drainIfAny(ch, in);
                LOG.debug("association {}: ignored {}", info, CommandField.name(field));
            } else {
                drainIfAny(ch, in);
                ch.writeCommand(in.context().id(), Command.responseTo(cmd, Status.UNRECOGNIZED_OPERATION));
            }
        }
    }

    private static void drainIfAny(DimseChannel ch, IncomingCommand in) throws IOException {
        if (in.command().hasDataSet()) {
            ch.openDataSet(in.context().id()).drain();
        }
    }

    private void store(DimseChannel ch, IncomingCommand in, AssociationInfo info) throws IOException {
        Command cmd = in.command();
        PresentationContext pc = in.context();
        Status status;
        if (!cmd.hasDataSet()) {
            status = Status.CANNOT_UNDERSTAND.withComment("C-STORE-RQ without a data set");
        } else {
            PdvInputStream data = ch.openDataSet(pc.id());
            status = receive(cmd, pc, data, info);
            bytes += data.count() + (data.complete() ? 0 : data.drain());
        }
        if (status.isFailure()) {
            counters.failed.incrementAndGet();
            LOG.warn("association {}: C-STORE failed with status {}", info, status.describe());
        } else {
            counters.stored.incrementAndGet();
            instances++;
        }
        ch.writeCommand(pc.id(), Command.responseTo(cmd, status));
    }

    private Status receive(Command cmd, PresentationContext pc, PdvInputStream data, AssociationInfo info)
            throws IOException {
        String sopClass = cmd.affectedSopClassUid();
        String sopInstance = cmd.affectedSopInstanceUid();
        if (sopClass == null || sopInstance == null) {
            return Status.CANNOT_UNDERSTAND.withComment("Affected SOP Class or Instance UID missing");
        }
        if (!sopClass.equals(pc.abstractSyntax())) {
            return Status.SOP_CLASS_NOT_SUPPORTED.withComment("SOP class differs from the presentation context");
        }
        StoreRequest request = new StoreRequest(info, sopClass, sopInstance, pc.transferSyntax(), cmd.messageId(),
                cmd.priority());
        try {
            Status s = storeHandler.store(request, data);
            return s != null ? s : Status.PROCESSING_FAILURE.withComment("store handler returned no status");
        } catch (IOException e) {
            if (data.failed()) {
                throw e;
            }
            LOG.warn("association {}: store handler could not store an instance: {}", info, e.toString());
            return Status.OUT_OF_RESOURCES.withComment("could not store the instance");
        } catch (RuntimeException e) {
            if (data.failed()) {
                throw e;
            }
            LOG.error("association {}: store handler failed: {}", info, e.toString(), e);
            return Status.PROCESSING_FAILURE.withComment("store handler failed");
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a connection failed: {}", e.toString());
        }
    }
}
