package org.cloak.deid.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.deid.profile.DeidHarness.text;
import static org.cloak.deid.profile.DeidHarness.textOf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * PS3.15 Table E.1-1 replayed row by row: for every row, a data set holding the attribute at the
 * top level and inside an item of a sequence the profile keeps goes through dicom-basic, and the
 * table's action must show in the output; then the same for every option cell of the row, with
 * that option switched on. Expected outcomes are written from the table's codes here, not taken
 * from the code under test; compound codes and C follow the resolutions of docs/profiles.md.
 */
class TableE11ConformanceTest {
    private static final String PHI_TEXT = "KNEE JANE DOE";
    private static final String CLEANED_TEXT = "KNEE";
    private static final String CONTEXT_NAME = "DOE^JANE";
    private static final String ORIGINAL_UID = "1.2.826.0.1.3680043.10.999.7";
    private static final String NESTED_UID = "1.2.826.0.1.3680043.10.999.8";
    private static final byte[] BINARY = {1, 2, 3, 4, 5, 6, 7, 8};
    /** Not listed in E.1-1, so dicom-basic keeps it and walks its items. */
    private static final int WRAPPER = Tag.AnatomicRegionSequence;

    private static final Set<String> ROWS_COVERED = ConcurrentHashMap.newKeySet();
    private static final Set<String> CELLS_COVERED = ConcurrentHashMap.newKeySet();

    /** What the output must show for one attribute. */
    enum Expect { REMOVED, EMPTY, DUMMY, UID, KEPT, CLEANED, SHIFTED, WALKED }

    @TestFactory
    List<DynamicNode> everyRowAndOptionCellOfTableE11() {
        assertThat(Ps315Table.standard().row(WRAPPER)).isNull();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Ps315Table.Row row : Ps315Table.standard().rows()) {
            if (row.isAllPrivate()) {
                nodes.add(privateRow(row));
            } else if (row.isPattern()) {
                nodes.add(patternRow(row));
            } else {
                nodes.add(singleTagRow(row));
            }
        }
        return nodes;
    }

    @AfterAll
    static void reportCoverage() {
        Ps315Table table = Ps315Table.standard();
        long cells = table.rows().stream().mapToLong(r -> r.options().size()).sum();
        System.out.printf("PS3.15 Table E.1-1 conformance: %d of %d rows covered, %d of %d option cells covered%n",
                ROWS_COVERED.size(), table.rows().size(), CELLS_COVERED.size(), cells);
        assertThat(ROWS_COVERED).hasSize(table.rows().size());
        assertThat(CELLS_COVERED).hasSize((int) cells);
    }

    // ---- single-tag rows

    private static DynamicContainer singleTagRow(Ps315Table.Row row) {
        List<DynamicTest> tests = new ArrayList<>();
        Vr vr = row.vr();
        Expect basic = expectBasic(row.basic(), vr, row.keyword());
        for (boolean nested : new boolean[] {false, true}) {
            tests.add(DynamicTest.dynamicTest("basic " + row.basic() + (nested ? " nested" : " top"), () -> {
                check(row, EnumSet.noneOf(ProfileOption.class), basic, nested);
                ROWS_COVERED.add(row.tag());
            }));
        }
        for (ProfileOption o : row.options().keySet()) {
            Expect e = expectOption(o, row.code(o), vr, basic);
            for (boolean nested : new boolean[] {false, true}) {
                tests.add(DynamicTest.dynamicTest(o.cliName() + " " + row.code(o) + (nested ? " nested" : " top"),
                        () -> {
                    check(row, EnumSet.of(o), e, nested);
                    CELLS_COVERED.add(row.tag() + " " + o);
                }));
            }
        }
        return DynamicContainer.dynamicContainer(row.tag() + " " + row.keyword(), tests);
    }

    private static void check(Ps315Table.Row row, Set<ProfileOption> options, Expect expect, boolean nested) {
        int tag = row.tagValue();
        Element original = element(tag, row.vr());
        DataSet in = new DataSet();
        if (tag != Tag.PatientName) {
            in.put(text(Tag.PatientName, Vr.PN, CONTEXT_NAME));
        }
        DataSet holder = in;
        if (nested) {
            holder = in.newItem();
            Sequence wrapper = new Sequence();
            wrapper.add(holder);
            in.put(WRAPPER, Vr.SQ, wrapper);
        }
        holder.put(original);
        DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, options, in);
        DataSet where = nested ? out.getSequence(WRAPPER).get(0) : out;
        assertOutcome(where.get(tag), original, expect, options);
    }

    static Expect expectBasic(String code, Vr vr, String keyword) {
        return switch (code) {
            case "X" -> Expect.REMOVED;
            case "Z", "X/Z" -> Expect.EMPTY;
            case "U" -> Expect.UID;
            case "X/Z/U*" -> Expect.WALKED;
            case "D", "Z/D", "X/D", "X/Z/D" -> {
                if (vr == Vr.UI) {
                    yield Expect.UID;
                }
                if (vr == Vr.SQ) {
                    yield keyword.endsWith("CodeSequence") ? Expect.EMPTY : Expect.WALKED;
                }
                yield Expect.DUMMY;
            }
            default -> throw new AssertionError("code not in Table E.1-1a: " + code);
        };
    }

    static Expect expectOption(ProfileOption option, String code, Vr vr, Expect basic) {
        if (code.equals("K")) {
            return vr == Vr.SQ ? Expect.WALKED : Expect.KEPT;
        }
        if (option == ProfileOption.RETAIN_LONG_MODIFIED_DATES) {
            return vr == Vr.DA || vr == Vr.DT || vr == Vr.TM ? Expect.SHIFTED : basic;
        }
        if (vr == Vr.SQ) {
            return Expect.WALKED;
        }
        return vr.isText() ? Expect.CLEANED : basic;
    }

    private static void assertOutcome(Element got, Element original, Expect expect, Set<ProfileOption> options) {
        switch (expect) {
            case REMOVED -> assertThat(got).isNull();
            case EMPTY -> {
                assertThat(got).isNotNull();
                if (got.vr() == Vr.SQ) {
                    assertThat((Sequence) got.value()).isEmpty();
                } else {
                    assertThat(((Bytes) got.value()).data()).isEmpty();
                }
            }
            case DUMMY -> {
                assertThat(got).isNotNull();
                assertThat(((Bytes) got.value()).data()).isNotEmpty().isNotEqualTo(((Bytes) original.value()).data());
            }
            case UID -> assertThat(textOf(got)).startsWith("2.25.").isNotEqualTo(ORIGINAL_UID);
            case KEPT -> assertThat(got).isEqualTo(original);
            case CLEANED -> assertThat(textOf(got)).isEqualTo(CLEANED_TEXT);
            case SHIFTED -> assertThat(textOf(got)).isEqualTo(switch (original.vr()) {
                case DA -> "20201205";
                case DT -> "20201205101112";
                default -> "101112";
            });
            case WALKED -> {
                assertThat(got).isNotNull();
                Sequence seq = (Sequence) got.value();
                assertThat(seq).hasSize(1);
                DataSet item = seq.get(0);
                assertThat(textOf(item.get(Tag.CodeValue))).isEqualTo("CV-1");
                String uid = textOf(item.get(Tag.ReferencedSOPInstanceUID));
                if (options.contains(ProfileOption.RETAIN_UIDS)) {
                    assertThat(uid).isEqualTo(NESTED_UID);
                } else {
                    assertThat(uid).startsWith("2.25.").isNotEqualTo(NESTED_UID);
                }
            }
            default -> throw new AssertionError(expect);
        }
    }

    /** A plausible value for the VR; text holds a name the cleaner knows from the context. */
    static Element element(int tag, Vr vr) {
        return switch (vr) {
            case SQ -> {
                DataSet item = new DataSet();
                item.put(text(Tag.CodeValue, Vr.SH, "CV-1"));
                item.put(text(Tag.ReferencedSOPInstanceUID, Vr.UI, NESTED_UID));
                Sequence seq = new Sequence();
                seq.add(item);
                yield new Element(tag, vr, seq);
            }
            case DA -> text(tag, vr, "20210315");
            case DT -> text(tag, vr, "20210315101112");
            case TM -> text(tag, vr, "101112");
            case DS -> text(tag, vr, "12.5");
            case IS -> text(tag, vr, "42");
            case AS -> text(tag, vr, "045Y");
            case UI -> text(tag, vr, ORIGINAL_UID);
            case UR -> text(tag, vr, "https://example.org/KNEE");
            default -> vr.isText() ? text(tag, vr, PHI_TEXT) : new Element(tag, vr, new Bytes(BINARY.clone()));
        };
    }

    // ---- pattern rows: one element of the first and of another repeating group

    private static DynamicContainer patternRow(Ps315Table.Row row) {
        List<DynamicTest> tests = new ArrayList<>();
        List<Integer> samples = new ArrayList<>();
        String t = row.tag();
        if (t.substring(4).equals("xxxx")) {
            samples.add(Tags.of(0x5000, 0x2500)); // Curve Label, LO
            samples.add(Tags.of(0x5002, 0x3000)); // Curve Data, OB
        } else {
            samples.add(Integer.parseUnsignedInt("60" + "00" + t.substring(4), 16));
            samples.add(Integer.parseUnsignedInt("60" + "1E" + t.substring(4), 16));
        }
        for (int tag : samples) {
            Vr vr = org.cloak.dicom.dict.ElementDictionary.standard().vrOf(tag);
            Expect basic = expectBasic(row.basic(), vr, "");
            tests.add(DynamicTest.dynamicTest("basic " + Tags.toString(tag), () -> {
                checkTag(tag, vr, EnumSet.noneOf(ProfileOption.class), basic);
                ROWS_COVERED.add(row.tag());
            }));
            for (ProfileOption o : row.options().keySet()) {
                Expect e = expectOption(o, row.code(o), vr, basic);
                tests.add(DynamicTest.dynamicTest(o.cliName() + " " + Tags.toString(tag), () -> {
                    checkTag(tag, vr, EnumSet.of(o), e);
                    CELLS_COVERED.add(row.tag() + " " + o);
                }));
            }
        }
        return DynamicContainer.dynamicContainer(row.tag() + " " + row.name(), tests);
    }

    private static void checkTag(int tag, Vr vr, Set<ProfileOption> options, Expect expect) {
        DataSet in = new DataSet();
        in.put(text(Tag.PatientName, Vr.PN, CONTEXT_NAME));
        Element original = element(tag, vr);
        in.put(original);
        DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, options, in);
        assertOutcome(out.get(tag), original, expect, options);
    }

    // ---- (gggg,eeee): all private attributes

    private static DynamicContainer privateRow(Ps315Table.Row row) {
        int philipsSafe = Tags.of(0x2001, 0x1016);   // Philips Imaging DD 001 (2001,xx16) SS: in E.3.10-1
        int philipsOther = Tags.of(0x2001, 0x1020);  // (2001,xx20): not in E.3.10-1
        int gemsSafe = Tags.of(0x0019, 0x1123);      // GEMS_ACQU_01 (0019,xx23) DS, block 0x11: in E.3.10-1
        int acme = Tags.of(0x0009, 0x1001);
        DataSet in = new DataSet();
        in.put(text(Tag.PatientName, Vr.PN, CONTEXT_NAME));
        in.put(text(Tags.of(0x0009, 0x0010), Vr.LO, "ACME 1.0"));
        in.put(text(acme, Vr.LO, PHI_TEXT));
        in.put(text(Tags.of(0x0019, 0x0011), Vr.LO, "GEMS_ACQU_01"));
        in.put(text(gemsSafe, Vr.DS, "1.375"));
        in.put(text(Tags.of(0x2001, 0x0010), Vr.LO, "Philips Imaging DD 001"));
        in.put(new Element(philipsSafe, Vr.SS, new Bytes(new byte[] {2, 0})));
        in.put(text(philipsOther, Vr.LO, PHI_TEXT));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("basic X: every private attribute and its creator removed", () -> {
            DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, Set.of(), in);
            assertThat(out.elements()).noneMatch(e -> Tags.isPrivate(e.tag()));
            ROWS_COVERED.add(row.tag());
        }));
        assertThat(row.code(ProfileOption.RETAIN_SAFE_PRIVATE)).isEqualTo("C");
        tests.add(DynamicTest.dynamicTest("retain-safe-private C: safe ones kept with their creators", () -> {
            DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_SAFE_PRIVATE), in);
            assertThat(out.get(philipsSafe)).isEqualTo(in.get(philipsSafe));
            assertThat(out.get(gemsSafe)).isEqualTo(in.get(gemsSafe));
            assertThat(out.getString(Tags.of(0x2001, 0x0010))).isEqualTo("Philips Imaging DD 001");
            assertThat(out.getString(Tags.of(0x0019, 0x0011))).isEqualTo("GEMS_ACQU_01");
            assertThat(out.get(philipsOther)).isNull();
            assertThat(out.get(acme)).isNull();
            assertThat(out.get(Tags.of(0x0009, 0x0010))).isNull();
            CELLS_COVERED.add(row.tag() + " " + ProfileOption.RETAIN_SAFE_PRIVATE);
        }));
        return DynamicContainer.dynamicContainer(row.tag() + " private attributes", tests);
    }
}
