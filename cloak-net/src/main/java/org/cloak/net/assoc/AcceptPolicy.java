package org.cloak.net.assoc;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.UidRegistry;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;

/**
 * Which presentation contexts an acceptor takes (PS3.8 Section 9.3.3.2, PS3.4 B.3.1). The
 * standard policy accepts Verification and every storage SOP class of the UID registry, each
 * with the first proposed transfer syntax the codec can read: Implicit VR Little Endian,
 * Explicit VR Little and Big Endian, Deflated Explicit VR Little Endian and every encapsulated
 * transfer syntax of the registry. Other contexts are rejected with result 3
 * (abstract-syntax-not-supported) or 4 (transfer-syntaxes-not-supported).
 */
public final class AcceptPolicy {
    /** Every standard transfer syntax lies under the UID of the first, Implicit VR Little Endian. */
    private static final String STANDARD_TS_ROOT = Uid.ImplicitVRLittleEndian;
    /**
     * Registered transfer syntaxes under the standard root that are not data set encodings the
     * codec reads: MIME and XML encodings (retired), the SMPTE ST 2110 real-time video and
     * audio syntaxes (DICOM-RTV, not C-STORE), and JPIP HTJ2K Referenced Deflate, whose
     * deflated data set the codec does not recognise.
     */
    private static final Set<String> NOT_READABLE = Set.of(
            Uid.RFC2557MIMEEncapsulation, Uid.XMLEncoding,
            Uid.SMPTEST211020UncompressedProgressiveActiveVideo, Uid.SMPTEST211020UncompressedInterlacedActiveVideo,
            Uid.SMPTEST211030PCMDigitalAudio,
            Uid.JPIPHTJ2KReferencedDeflate);

    private final Predicate<String> abstractSyntaxes;
    private final Predicate<String> transferSyntaxes;

    private AcceptPolicy(Predicate<String> abstractSyntaxes, Predicate<String> transferSyntaxes) {
        this.abstractSyntaxes = Objects.requireNonNull(abstractSyntaxes, "abstractSyntaxes");
        this.transferSyntaxes = Objects.requireNonNull(transferSyntaxes, "transferSyntaxes");
    }

    /** Verification and every storage SOP class, with every transfer syntax the codec reads. */
    public static AcceptPolicy standard() {
        UidRegistry registry = UidRegistry.standard();
        return new AcceptPolicy(uid -> Uid.Verification.equals(uid) || registry.isStorageSopClass(uid),
                AcceptPolicy::codecReads);
    }

    /** A policy from two predicates, e.g. to narrow the standard one. */
    public static AcceptPolicy of(Predicate<String> abstractSyntaxes, Predicate<String> transferSyntaxes) {
        return new AcceptPolicy(abstractSyntaxes, transferSyntaxes);
    }

    /** Whether the Cloak codec can read data sets encoded in this transfer syntax. */
    public static boolean codecReads(String tsUid) {
        return switch (tsUid) {
            case TransferSyntax.IMPLICIT_LE_UID, TransferSyntax.EXPLICIT_LE_UID, TransferSyntax.EXPLICIT_BE_UID,
                    TransferSyntax.DEFLATED_LE_UID -> true;
            default -> tsUid.startsWith(STANDARD_TS_ROOT + ".") && !NOT_READABLE.contains(tsUid)
                    && UidRegistry.standard().isTransferSyntax(tsUid);
        };
    }

    public boolean acceptsAbstractSyntax(String uid) { return abstractSyntaxes.test(uid); }

    public boolean acceptsTransferSyntax(String uid) { return transferSyntaxes.test(uid); }

    /** The answer to one proposed context: the first acceptable transfer syntax, or a rejection. */
    public PresentationContextAc negotiate(PresentationContextRq rq) {
        if (!abstractSyntaxes.test(rq.abstractSyntax())) {
            return new PresentationContextAc(rq.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    TransferSyntax.IMPLICIT_LE_UID);
        }
        for (String ts : rq.transferSyntaxes()) {
            if (transferSyntaxes.test(ts)) {
                return new PresentationContextAc(rq.id(), PresentationContextAc.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(rq.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                TransferSyntax.IMPLICIT_LE_UID);
    }
}
