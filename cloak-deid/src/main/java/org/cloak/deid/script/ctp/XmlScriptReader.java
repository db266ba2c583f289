package org.cloak.deid.script.ctp;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.cloak.deid.script.ScriptException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the XML form of a DicomAnonymizer script ({@code <script><p/><e/><k/><r/></script>}) as
 * CTP's DAScript does, keeping where each line and each character of a value stands in the file.
 * Document type declarations are refused (no external entities are ever read).
 */
final class XmlScriptReader {
    private final String file;
    private final String source;
    private final int[] lineStarts;

    private XmlScriptReader(String file, String source) {
        this.file = file;
        this.source = source;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Entry> read(String file, String text) throws ScriptException {
        return new XmlScriptReader(file, text).entries();
    }

    private List<Entry> entries() throws ScriptException {
        Handler h = new Handler();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            SAXParser p = f.newSAXParser();
            p.parse(new InputSource(new StringReader(source)), h);
        } catch (SAXParseException e) {
            if (h.error != null) {
                throw h.error;
            }
            throw new ScriptException(file, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), "XML",
                    "not well-formed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            if (h.error != null) {
                throw h.error;
            }
            throw new ScriptException(file, 0, 0, "XML", "could not read the XML: " + e.getMessage());
        }
        return h.entries;
    }

    /** Offset in the source of a 1-based line and column as the parser reports them. */
    private int offset(int line, int column) {
        int l = Math.min(Math.max(line, 1), lineStarts.length) - 1;
        return Math.min(lineStarts[l] + Math.max(column, 1) - 1, source.length());
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int columnOf(int offset) { return offset - lineStarts[lineOf(offset) - 1] + 1; }

    /**
     * The element's text content decoded, with the position of each character: the raw source is
     * walked from {@code start} (just after the start tag), one entity reference giving one
     * character, comments skipped and CDATA sections copied, up to the end tag.
     */
    private Located content(int start, String decoded) {
        int[] ls = new int[decoded.length() + 1];
        int[] cs = new int[decoded.length() + 1];
        int raw = start;
        int k = 0;
        while (k < decoded.length() && raw < source.length()) {
            if (source.startsWith("<!--", raw)) {
                int end = source.indexOf("-->", raw);
                raw = end < 0 ? source.length() : end + 3;
                continue;
            }
            if (source.startsWith("<![CDATA[", raw)) {
                raw += 9;
                int end = source.indexOf("]]>", raw);
                int stop = end < 0 ? source.length() : end;
                while (raw < stop && k < decoded.length()) {
                    ls[k] = lineOf(raw);
                    cs[k] = columnOf(raw);
                    k++;
                    raw++;
                }
                raw = Math.min(stop + 3, source.length());
                continue;
            }
            ls[k] = lineOf(raw);
            cs[k] = columnOf(raw);
            k++;
            char c = source.charAt(raw);
            if (c == '&') {
                int semi = source.indexOf(';', raw);
                raw = semi < 0 ? raw + 1 : semi + 1;
            } else if (c == '\r' && raw + 1 < source.length() && source.charAt(raw + 1) == '\n') {
                raw += 2;
            } else {
                raw++;
            }
        }
        for (; k <= decoded.length(); k++) {
            ls[k] = lineOf(raw);
            cs[k] = columnOf(raw);
        }
        return new Located(decoded, ls, cs);
    }

    /** The value of attribute {@code t} in the start tag that ends before {@code end}, with its position. */
    private Located attribute(int end, String name, String value) {
        int open = source.lastIndexOf('<', Math.max(end - 1, 0));
        int at = open < 0 ? -1 : indexOfAttribute(open, end, name);
        if (at < 0) {
            int o = Math.max(open, 0);
            return Located.at(value, lineOf(o), columnOf(o));
        }
        return Located.at(value, lineOf(at), columnOf(at));
    }

    private int indexOfAttribute(int from, int to, String name) {
        int i = from;
        while (true) {
            i = source.indexOf(name, i + 1);
            if (i < 0 || i >= to) {
                return -1;
            }
            int j = i + name.length();
            while (j < to && Character.isWhitespace(source.charAt(j))) {
                j++;
            }
            if (Character.isWhitespace(source.charAt(i - 1)) && j < to && source.charAt(j) == '=') {
                j++;
                while (j < to && Character.isWhitespace(source.charAt(j))) {
                    j++;
                }
                return j < to && (source.charAt(j) == '"' || source.charAt(j) == '\'') ? j + 1 : j;
            }
        }
    }

    private final class Handler extends DefaultHandler {
        final List<Entry> entries = new ArrayList<>();
        ScriptException error;
        private Locator locator;
        private int depth;
        private String tag;
        private Located target;
        private String name;
        private boolean enabled;
        private int contentStart;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void setDocumentLocator(Locator l) { this.locator = l; }

        private int here() { return offset(locator.getLineNumber(), locator.getColumnNumber()); }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            depth++;
            int end = here();
            int open = Math.max(source.lastIndexOf('<', Math.max(end - 1, 0)), 0);
            if (depth == 1) {
                if (!qName.equals("script")) {
                    fail(open, "<" + qName + ">", "a DicomAnonymizer script's root element is <script>");
                }
                return;
            }
            if (depth > 2) {
                fail(open, "<" + qName + ">", "elements inside <" + tag + "> are not part of a DicomAnonymizer script");
            }
            if (!List.of("p", "e", "k", "r").contains(qName)) {
                fail(open, "<" + qName + ">", "unknown element: a script holds <p>, <e>, <k> and <r> elements");
            }
            tag = qName;
            String t = atts.getValue("t");
            if (t == null) {
                fail(open, "<" + qName + ">", "attribute t is missing");
            }
            target = attribute(end, "t", t);
            name = atts.getValue("n") == null ? "" : atts.getValue("n");
            String en = atts.getValue("en");
            enabled = "T".equals(en);
            contentStart = end;
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (depth == 2) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (depth == 2) {
                Located value = content(contentStart, text.toString());
                Entry.Kind kind = switch (tag) {
                    case "p" -> Entry.Kind.PARAM;
                    case "e" -> Entry.Kind.ELEMENT;
                    case "k" -> Entry.Kind.KEEP;
                    default -> Entry.Kind.REMOVE;
                };
                // a parameter is enabled always; an element's script is trimmed, as DAScript does
                entries.add(new Entry(kind, kind == Entry.Kind.PARAM || enabled, target, name,
                        kind == Entry.Kind.ELEMENT ? value.trim() : value));
            }
            depth--;
        }

        private void fail(int at, String construct, String detail) throws SAXException {
            error = new ScriptException(file, lineOf(at), columnOf(at), construct.toLowerCase(Locale.ROOT), detail);
            throw new SAXException(detail);
        }
    }
}
