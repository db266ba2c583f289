package org.cloak.dicom.text;

import java.io.IOException;
import java.util.Base64;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.Vr;

/**
 * The DICOM JSON Model (PS3.18 Annex F). Bulk values left in the file are written as a
 * BulkDataURI (file URI with offset and length) instead of being loaded; encapsulated pixel data
 * likewise names its source.
 */
public final class DicomJsonWriter {
    private final Appendable out;
    private final boolean pretty;

    public DicomJsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    public void write(DataSet ds) throws IOException {
        writeObject(ds, 0);
        if (pretty) {
            out.append('\n');
        }
    }

    private void writeObject(DataSet ds, int indent) throws IOException {
        out.append('{');
        boolean first = true;
        for (Element e : ds) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(indent + 1);
            out.append('"').append(String.format("%08X", e.tag())).append("\":");
            writeAttribute(ds, e, indent + 1);
        }
        if (!first) {
            newline(indent);
        }
        out.append('}');
    }

    private void writeAttribute(DataSet ds, Element e, int indent) throws IOException {
        out.append("{\"vr\":\"").append(e.vr().name()).append('"');
        if (e.value() instanceof Sequence seq) {
            if (!seq.isEmpty()) {
                out.append(",\"Value\":[");
                for (int i = 0; i < seq.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeObject(seq.get(i), indent + 1);
                }
                out.append(']');
            }
        } else if (e.value() instanceof BulkRef r && r.path() != null) {
            bulkUri(r.path().toUri() + "?offset=" + r.offset() + "&length=" + r.length());
        } else if (e.value() instanceof BulkRef r) {
            // read from bytes in memory: no file to point at
            bulkUri("memory:?offset=" + r.offset() + "&length=" + r.length());
        } else if (e.value() instanceof Fragments f) {
            bulkUri("encapsulated:" + f.items().size() + "-items," + f.payloadLength() + "-bytes");
        } else {
            byte[] data = ((Bytes) e.value()).data();
            if (data.length > 0) {
                writeValue(ds, e.vr(), data);
            }
        }
        out.append('}');
    }

    private void bulkUri(String uri) throws IOException {
        out.append(",\"BulkDataURI\":");
        string(uri);
    }

    private void writeValue(DataSet ds, Vr vr, byte[] data) throws IOException {
        switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> {
                out.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(data)).append('"');
                return;
            }
            default -> { }
        }
        String[] values = ValueFormat.strings(vr, data, ds.isBigEndian(), ds);
        out.append(",\"Value\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values[i];
            if (vr == Vr.PN) {
                personName(v);
            } else if (vr == Vr.AT) {
                string(v.replace("(", "").replace(")", "").replace(",", ""));
            } else if (isNumber(vr) && !v.isEmpty()) {
                number(v);
            } else if (v.isEmpty()) {
                out.append("null");
            } else {
                string(v);
            }
        }
        out.append(']');
    }

    private static boolean isNumber(Vr vr) {
        return switch (vr) {
            case DS, IS, FL, FD, SL, SS, UL, US, SV, UV -> true;
            default -> false;
        };
    }

    private void number(String v) throws IOException {
        String t = v.trim();
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                out.append(t.startsWith("+") ? t.substring(1) : t);
                return;
            }
        } catch (NumberFormatException ignored) {
            // not a number: written as a string, which keeps the original text
        }
        string(t);
    }

    private void personName(String v) throws IOException {
        if (v.isEmpty()) {
            out.append("null");
            return;
        }
        String[] groups = v.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        out.append('{');
        boolean first = true;
        for (int i = 0; i < groups.length && i < 3; i++) {
            if (groups[i].isEmpty()) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"').append(names[i]).append("\":");
            string(groups[i]);
        }
        out.append('}');
    }

    private void string(String s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void newline(int indent) throws IOException {
        if (pretty) {
            out.append('\n').append("  ".repeat(indent));
        }
    }
}
