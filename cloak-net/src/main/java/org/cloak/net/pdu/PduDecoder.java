package org.cloak.net.pdu;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cloak.net.pdu.UserInformation.AsyncOperationsWindow;
import org.cloak.net.pdu.UserInformation.RoleSelection;

/** Decodes PDU bodies (PS3.8 Section 9.3, Annex D for user information sub-items). */
final class PduDecoder {
    static final int ITEM_APPLICATION_CONTEXT = 0x10;
    static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    static final int ITEM_TRANSFER_SYNTAX = 0x40;
    static final int ITEM_USER_INFORMATION = 0x50;
    static final int SUB_MAX_LENGTH = 0x51;
    static final int SUB_IMPLEMENTATION_CLASS_UID = 0x52;
    static final int SUB_ASYNC_OPERATIONS_WINDOW = 0x53;
    static final int SUB_ROLE_SELECTION = 0x54;
    static final int SUB_IMPLEMENTATION_VERSION_NAME = 0x55;
    /** Protocol version, reserved and the two AE titles and 32 reserved bytes. */
    static final int ASSOCIATE_FIXED_LENGTH = 68;

    private PduDecoder() {}

    static Pdu decode(int type, byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        try {
            return switch (type) {
                case Pdu.TYPE_A_ASSOCIATE_RQ -> associateRq(b);
                case Pdu.TYPE_A_ASSOCIATE_AC -> associateAc(b);
                case Pdu.TYPE_A_ASSOCIATE_RJ -> {
                    fixed(b, "A-ASSOCIATE-RJ");
                    b.get();
                    yield new AAssociateRj(b.get() & 0xFF, b.get() & 0xFF, b.get() & 0xFF);
                }
                case Pdu.TYPE_P_DATA_TF -> pData(b);
                case Pdu.TYPE_A_RELEASE_RQ -> {
                    fixed(b, "A-RELEASE-RQ");
                    yield new AReleaseRq();
                }
                case Pdu.TYPE_A_RELEASE_RP -> {
                    fixed(b, "A-RELEASE-RP");
                    yield new AReleaseRp();
                }
                default -> {
                    fixed(b, "A-ABORT");
                    b.getShort();
                    yield new AAbort(b.get() & 0xFF, b.get() & 0xFF);
                }
            };
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw invalid("a field runs past the end of the PDU or has an invalid value ("
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static void fixed(ByteBuffer b, String name) {
        if (b.remaining() != 4) {
            throw invalid(name + " has length " + b.remaining() + ", expected 4", null);
        }
    }

    private static PDataTf pData(ByteBuffer b) {
        List<Pdv> pdvs = new ArrayList<>();
        while (b.hasRemaining()) {
            long len = b.getInt() & 0xFFFFFFFFL;
            if (len < 2 || len > b.remaining()) {
                throw invalid("PDV item length " + len + " does not fit the P-DATA-TF (" + b.remaining()
                        + " bytes left)", null);
            }
            int pcid = b.get() & 0xFF;
            int mch = b.get() & 0xFF;
            byte[] data = new byte[(int) len - 2];
            b.get(data);
            pdvs.add(new Pdv(pcid, (mch & 1) != 0, (mch & 2) != 0, data));
        }
        if (pdvs.isEmpty()) {
            throw invalid("P-DATA-TF without presentation data values", null);
        }
        return new PDataTf(pdvs);
    }

    private static AAssociateRq associateRq(ByteBuffer b) {
        Header h = header(b);
        String appContext = null;
        List<PresentationContextRq> pcs = new ArrayList<>();
        UserInformation ui = null;
        while (b.hasRemaining()) {
            int itemType = b.get() & 0xFF;
            ByteBuffer item = item(b);
            switch (itemType) {
                case ITEM_APPLICATION_CONTEXT -> appContext = string(item);
                case ITEM_PRESENTATION_CONTEXT_RQ -> pcs.add(presentationContextRq(item));
                case ITEM_USER_INFORMATION -> ui = userInformation(item);
                default -> { } // PS3.8 9.3.1: items of unknown type are ignored
            }
        }
        return new AAssociateRq(h.called, h.calling, required(appContext, "application context"), pcs, orDefault(ui));
    }

    private static AAssociateAc associateAc(ByteBuffer b) {
        Header h = header(b);
        String appContext = null;
        List<PresentationContextAc> pcs = new ArrayList<>();
        UserInformation ui = null;
        while (b.hasRemaining()) {
            int itemType = b.get() & 0xFF;
            ByteBuffer item = item(b);
            switch (itemType) {
                case ITEM_APPLICATION_CONTEXT -> appContext = string(item);
                case ITEM_PRESENTATION_CONTEXT_AC -> pcs.add(presentationContextAc(item));
                case ITEM_USER_INFORMATION -> ui = userInformation(item);
                default -> { }
            }
        }
        return new AAssociateAc(h.called, h.calling, required(appContext, "application context"), pcs, orDefault(ui));
    }

    private record Header(String called, String calling) {}

    private static Header header(ByteBuffer b) {
        if (b.remaining() < ASSOCIATE_FIXED_LENGTH) {
            throw invalid("A-ASSOCIATE PDU is shorter than its fixed fields", null);
        }
        b.getShort(); // protocol version: bit 0 set by every version so far (PS3.8 9.3.2)
        b.getShort();
        String called = aeTitle(b);
        String calling = aeTitle(b);
        b.position(b.position() + 32);
        return new Header(called, calling);
    }

    private static PresentationContextRq presentationContextRq(ByteBuffer item) {
        int id = item.get() & 0xFF;
        item.get();
        item.get();
        item.get();
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>();
        while (item.hasRemaining()) {
            int sub = item.get() & 0xFF;
            ByteBuffer v = item(item);
            if (sub == ITEM_ABSTRACT_SYNTAX) {
                abstractSyntax = string(v);
            } else if (sub == ITEM_TRANSFER_SYNTAX) {
                ts.add(string(v));
            }
        }
        return new PresentationContextRq(id, required(abstractSyntax, "abstract syntax of presentation context " + id),
                ts);
    }

    private static PresentationContextAc presentationContextAc(ByteBuffer item) {
        int id = item.get() & 0xFF;
        item.get();
        int result = item.get() & 0xFF;
        item.get();
        String ts = "";
        while (item.hasRemaining()) {
            int sub = item.get() & 0xFF;
            ByteBuffer v = item(item);
            if (sub == ITEM_TRANSFER_SYNTAX) {
                ts = string(v);
            }
        }
        return new PresentationContextAc(id, result, ts);
    }

    private static UserInformation userInformation(ByteBuffer item) {
        int maxLength = 0;
        String classUid = "";
        String version = null;
        AsyncOperationsWindow window = null;
        List<RoleSelection> roles = new ArrayList<>();
        while (item.hasRemaining()) {
            int sub = item.get() & 0xFF;
            ByteBuffer v = item(item);
            switch (sub) {
                case SUB_MAX_LENGTH -> maxLength = (int) Math.min(Integer.MAX_VALUE, v.getInt() & 0xFFFFFFFFL);
                case SUB_IMPLEMENTATION_CLASS_UID -> classUid = string(v);
                case SUB_IMPLEMENTATION_VERSION_NAME -> version = string(v);
                case SUB_ASYNC_OPERATIONS_WINDOW ->
                        window = new AsyncOperationsWindow(v.getShort() & 0xFFFF, v.getShort() & 0xFFFF);
                case SUB_ROLE_SELECTION -> {
                    byte[] uid = new byte[v.getShort() & 0xFFFF];
                    v.get(uid);
                    roles.add(new RoleSelection(trim(uid), v.get() != 0, v.get() != 0));
                }
                default -> { } // extended negotiation, user identity...: not used by this node
            }
        }
        return new UserInformation(maxLength, classUid, version, window, roles);
    }

    private static UserInformation orDefault(UserInformation ui) {
        return ui != null ? ui : UserInformation.of(0, "", null);
    }

    /** The value of an item or sub-item whose 1-byte type was just read: reserved byte, 2-byte length. */
    private static ByteBuffer item(ByteBuffer b) {
        b.get();
        int len = b.getShort() & 0xFFFF;
        if (len > b.remaining()) {
            throw invalid("item length " + len + " runs past the end of its enclosing item (" + b.remaining()
                    + " bytes left)", null);
        }
        ByteBuffer v = b.slice();
        v.limit(len);
        b.position(b.position() + len);
        return v;
    }

    private static String string(ByteBuffer v) {
        byte[] d = new byte[v.remaining()];
        v.get(d);
        return trim(d);
    }

    private static String aeTitle(ByteBuffer b) {
        byte[] d = new byte[16];
        b.get(d);
        return trim(d).strip();
    }

    /** UIDs and AE titles may arrive padded with NUL or spaces: both are removed. */
    private static String trim(byte[] d) {
        int end = d.length;
        while (end > 0 && (d[end - 1] == 0 || d[end - 1] == ' ')) {
            end--;
        }
        return new String(d, 0, end, StandardCharsets.US_ASCII);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw invalid("the " + what + " is missing", null);
        }
        return value;
    }

    private static MalformedPduException invalid(String detail, Throwable cause) {
        return new MalformedPduException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE, "Could not read PDU: " + detail,
                cause);
    }
}
