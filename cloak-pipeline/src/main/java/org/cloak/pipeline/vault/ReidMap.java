package org.cloak.pipeline.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The re-identification map: original PatientID to pseudonym(s), date offset(s) and time point
 * baseline(s), and optionally original UID to new UID. It only ever grows: a value seen once is
 * kept even when a later run (another recipe, another cohort) gives a different one, so files
 * written by any run can still be traced back. Not thread-safe; {@link Vault} guards it.
 */
public final class ReidMap {
    /** CSV header of {@link #writeCsv}. */
    public static final List<String> CSV_HEADER =
            List.of("type", "original", "pseudonym", "date_offset_days", "timepoint_baseline");
    /** Separates several values in one CSV cell (DICOM's value delimiter, as in the planner's idMap). */
    public static final String MULTI = "\\";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<String, Patient> patients = new TreeMap<>();
    private final TreeMap<String, String> uids = new TreeMap<>();

    /** One fact for the map. */
    public sealed interface Entry permits Patient, Uid {}

    /** A patient: everything its original ID was given. Sets are sorted and unmodifiable. */
    public record Patient(String originalId, SortedSet<String> pseudonyms, SortedSet<Integer> dateOffsets,
                          SortedSet<LocalDate> timepointBaselines) implements Entry {
        public Patient {
            Objects.requireNonNull(originalId, "originalId");
            pseudonyms = Collections.unmodifiableSortedSet(new TreeSet<>(pseudonyms));
            dateOffsets = Collections.unmodifiableSortedSet(new TreeSet<>(dateOffsets));
            timepointBaselines = Collections.unmodifiableSortedSet(new TreeSet<>(timepointBaselines));
        }

        /** Never shows the original ID, so a stray log line leaks nothing. */
        @Override
        public String toString() { return "Patient[" + pseudonyms + "]"; }
    }

    /** An original UID and the UID that replaced it. */
    public record Uid(String original, String replacement) implements Entry {
        public Uid {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(replacement, "replacement");
        }

        @Override
        public String toString() { return "Uid[" + replacement + "]"; }
    }

    /** A patient entry; {@code dateOffsetDays} and {@code timepointBaseline} may be null (not known). */
    public static Patient patient(String originalId, String pseudonym, Integer dateOffsetDays,
                                  LocalDate timepointBaseline) {
        return new Patient(originalId, pseudonym == null ? new TreeSet<String>() : new TreeSet<>(List.of(pseudonym)),
                dateOffsetDays == null ? new TreeSet<>() : new TreeSet<>(List.of(dateOffsetDays)),
                timepointBaseline == null ? new TreeSet<>() : new TreeSet<>(List.of(timepointBaseline)));
    }

    public static Uid uid(String original, String replacement) { return new Uid(original, replacement); }

    /** Adds one entry; true when the map changed. A UID already mapped keeps its first replacement. */
    public boolean add(Entry e) {
        if (e instanceof Uid u) {
            return uids.putIfAbsent(u.original(), u.replacement()) == null;
        }
        Patient p = (Patient) e;
        Patient old = patients.get(p.originalId());
        if (old == null) {
            patients.put(p.originalId(), p);
            return true;
        }
        Patient merged = new Patient(p.originalId(), union(old.pseudonyms(), p.pseudonyms()),
                union(old.dateOffsets(), p.dateOffsets()), union(old.timepointBaselines(), p.timepointBaselines()));
        if (merged.equals(old)) {
            return false;
        }
        patients.put(p.originalId(), merged);
        return true;
    }

    /** Adds every entry of {@code other}; true when this map changed. */
    public boolean addAll(ReidMap other) {
        boolean changed = false;
        for (Entry e : other.entries()) {
            changed |= add(e);
        }
        return changed;
    }

    /** Patients then UIDs, each sorted by original value. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(patients.values());
        uids.forEach((k, v) -> out.add(new Uid(k, v)));
        return out;
    }

    /** Entries whose original value or pseudonym is {@code id}. A linear scan: meant for people, not loops. */
    public List<Entry> lookup(String id) {
        List<Entry> out = new ArrayList<>();
        for (Patient p : patients.values()) {
            if (p.originalId().equals(id) || p.pseudonyms().contains(id)) {
                out.add(p);
            }
        }
        uids.forEach((k, v) -> {
            if (k.equals(id) || v.equals(id)) {
                out.add(new Uid(k, v));
            }
        });
        return out;
    }

    public int patientCount() { return patients.size(); }

    public int uidCount() { return uids.size(); }

    /** Writes the map as CSV ({@link #CSV_HEADER}); several values in one cell are separated by {@link #MULTI}. */
    public void writeCsv(Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(out);
        csv.printRecord(CSV_HEADER);
        for (Patient p : patients.values()) {
            csv.printRecord("patient", p.originalId(), join(p.pseudonyms()), join(p.dateOffsets()),
                    join(p.timepointBaselines()));
        }
        for (Map.Entry<String, String> u : uids.entrySet()) {
            csv.printRecord("uid", u.getKey(), u.getValue(), "", "");
        }
        csv.flush();
    }

    /** Writes {@code id_old,id_new} rows, one per pseudonym of each patient (MIDI-B style). */
    public void writePatientMap(Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(out);
        csv.printRecord("id_old", "id_new");
        for (Patient p : patients.values()) {
            for (String pseudonym : p.pseudonyms()) {
                csv.printRecord(p.originalId(), pseudonym);
            }
        }
        csv.flush();
    }

    /** Writes {@code id_old,id_new} rows, one per replaced UID (MIDI-B style). */
    public void writeUidMap(Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(out);
        csv.printRecord("id_old", "id_new");
        for (Map.Entry<String, String> u : uids.entrySet()) {
            csv.printRecord(u.getKey(), u.getValue());
        }
        csv.flush();
    }

    byte[] toJson() {
        List<PatientJson> ps = patients.values().stream().map(p -> new PatientJson(p.originalId(),
                List.copyOf(p.pseudonyms()), List.copyOf(p.dateOffsets()),
                p.timepointBaselines().stream().map(LocalDate::toString).toList())).toList();
        try {
            return JSON.writeValueAsBytes(new MapJson(FORMAT, ps, uids));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the re-identification map", e);
        }
    }

    /** @throws IOException when the bytes are not a map of this format (the message never quotes content) */
    static ReidMap fromJson(byte[] bytes) throws IOException {
        MapJson j;
        try {
            j = JSON.readValue(bytes, MapJson.class);
        } catch (IOException e) {
            throw new IOException("not a re-identification map (" + e.getClass().getSimpleName() + ")");
        }
        if (j.format() != FORMAT) {
            throw new IOException("map format " + j.format() + ", expected " + FORMAT);
        }
        ReidMap m = new ReidMap();
        try {
            for (PatientJson p : j.patients()) {
                m.add(new Patient(p.id(), new TreeSet<>(p.pseudonyms()), new TreeSet<>(p.offsets()),
                        p.baselines().stream().map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new))));
            }
            m.uids.putAll(j.uids());
        } catch (RuntimeException e) {
            // a parse message would quote the value
            throw new IOException("damaged re-identification map (" + e.getClass().getSimpleName() + ")");
        }
        return m;
    }

    private static <T> SortedSet<T> union(SortedSet<T> a, SortedSet<T> b) {
        TreeSet<T> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String join(SortedSet<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(MULTI));
    }

    private record MapJson(int format, List<PatientJson> patients, Map<String, String> uids) {}

    private record PatientJson(String id, List<String> pseudonyms, List<Integer> offsets, List<String> baselines) {}
}
