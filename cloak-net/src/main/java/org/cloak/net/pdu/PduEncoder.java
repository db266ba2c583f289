package org.cloak.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cloak.net.pdu.UserInformation.RoleSelection;

/** Encodes the variable fields of A-ASSOCIATE PDUs (PS3.8 Sections 9.3.2, 9.3.3, Annex D). */
final class PduEncoder {
    private static final int PROTOCOL_VERSION = 1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    private PduEncoder() {}

    static byte[] associateRq(AAssociateRq rq) {
        PduEncoder e = new PduEncoder();
        e.fixedFields(rq.calledAeTitle(), rq.callingAeTitle());
        e.item(PduDecoder.ITEM_APPLICATION_CONTEXT, ascii(rq.applicationContextName()));
        for (PresentationContextRq pc : rq.presentationContexts()) {
            PduEncoder sub = new PduEncoder();
            sub.bytes(pc.id(), 0, 0, 0);
            sub.item(PduDecoder.ITEM_ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) {
                sub.item(PduDecoder.ITEM_TRANSFER_SYNTAX, ascii(ts));
            }
            e.item(PduDecoder.ITEM_PRESENTATION_CONTEXT_RQ, sub.out.toByteArray());
        }
        e.item(PduDecoder.ITEM_USER_INFORMATION, userInformation(rq.userInformation()));
        return e.out.toByteArray();
    }

    static byte[] associateAc(AAssociateAc ac) {
        PduEncoder e = new PduEncoder();
        e.fixedFields(ac.calledAeTitle(), ac.callingAeTitle());
        e.item(PduDecoder.ITEM_APPLICATION_CONTEXT, ascii(ac.applicationContextName()));
        for (PresentationContextAc pc : ac.presentationContexts()) {
            PduEncoder sub = new PduEncoder();
            sub.bytes(pc.id(), 0, pc.result(), 0);
            sub.item(PduDecoder.ITEM_TRANSFER_SYNTAX, ascii(pc.transferSyntax()));
            e.item(PduDecoder.ITEM_PRESENTATION_CONTEXT_AC, sub.out.toByteArray());
        }
        e.item(PduDecoder.ITEM_USER_INFORMATION, userInformation(ac.userInformation()));
        return e.out.toByteArray();
    }

    private static byte[] userInformation(UserInformation ui) {
        PduEncoder e = new PduEncoder();
        long max = ui.maxPduLength() & 0xFFFFFFFFL;
        e.item(PduDecoder.SUB_MAX_LENGTH,
                new byte[] {(byte) (max >> 24), (byte) (max >> 16), (byte) (max >> 8), (byte) max});
        e.item(PduDecoder.SUB_IMPLEMENTATION_CLASS_UID, ascii(ui.implementationClassUid()));
        if (ui.asyncOperationsWindow() != null) {
            int inv = ui.asyncOperationsWindow().maxOperationsInvoked();
            int perf = ui.asyncOperationsWindow().maxOperationsPerformed();
            e.item(PduDecoder.SUB_ASYNC_OPERATIONS_WINDOW,
                    new byte[] {(byte) (inv >> 8), (byte) inv, (byte) (perf >> 8), (byte) perf});
        }
        for (RoleSelection r : ui.roleSelections()) {
            byte[] uid = ascii(r.sopClassUid());
            byte[] v = Arrays.copyOf(new byte[] {(byte) (uid.length >> 8), (byte) uid.length}, uid.length + 4);
            System.arraycopy(uid, 0, v, 2, uid.length);
            v[uid.length + 2] = (byte) (r.scuRole() ? 1 : 0);
            v[uid.length + 3] = (byte) (r.scpRole() ? 1 : 0);
            e.item(PduDecoder.SUB_ROLE_SELECTION, v);
        }
        if (ui.implementationVersionName() != null && !ui.implementationVersionName().isEmpty()) {
            e.item(PduDecoder.SUB_IMPLEMENTATION_VERSION_NAME, ascii(ui.implementationVersionName()));
        }
        return e.out.toByteArray();
    }

    private void fixedFields(String called, String calling) {
        bytes(PROTOCOL_VERSION >> 8, PROTOCOL_VERSION, 0, 0);
        out.writeBytes(aeTitle(called));
        out.writeBytes(aeTitle(calling));
        out.writeBytes(new byte[32]);
    }

    private void item(int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("item of type " + type + " is " + value.length + " bytes, over 65535");
        }
        bytes(type, 0, value.length >> 8, value.length);
        out.writeBytes(value);
    }

    private void bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
    }

    /** AE titles are 16 bytes, padded with spaces (PS3.8 Table 9-11). */
    private static byte[] aeTitle(String aet) {
        byte[] a = ascii(aet);
        if (a.length > 16) {
            throw new IllegalArgumentException("AE title is longer than 16 characters");
        }
        byte[] padded = new byte[16];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(a, 0, padded, 0, a.length);
        return padded;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
