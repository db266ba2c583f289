package org.cloak.dicom.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * One line per series of a folder: patient, study, series, modality and number of files, in
 * aligned columns, sorted by patient, study and series.
 */
public final class SeriesTable {
    private static final String NONE = "-";
    private final Map<List<String>, Integer> rows = new TreeMap<>((a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    });

    /** Counts one file. Not thread-safe. */
    public void add(DataSet ds) {
        String patient = or(ds.getText(Tag.PatientName)) + " [" + or(ds.getString(Tag.PatientID)) + "]";
        String study = or(ds.getString(Tag.StudyDate)) + " " + or(ds.getString(Tag.StudyInstanceUID));
        String series = "#" + or(ds.getString(Tag.SeriesNumber)) + " " + or(ds.getString(Tag.SeriesInstanceUID));
        rows.merge(List.of(patient, study, series, or(ds.getString(Tag.Modality))), 1, Integer::sum);
    }

    public int series() { return rows.size(); }

    public void print(PrintWriter out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("PATIENT", "STUDY", "SERIES", "MODALITY", "FILES"));
        rows.forEach((k, n) -> {
            List<String> l = new ArrayList<>(k);
            l.add(Integer.toString(n));
            lines.add(l);
        });
        int[] width = new int[5];
        for (List<String> l : lines) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], l.get(i).length());
            }
        }
        for (List<String> l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                sb.append(i == 4 ? l.get(i) : l.get(i) + " ".repeat(width[i] - l.get(i).length() + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    private static String or(String s) { return s == null || s.isEmpty() ? NONE : s; }
}
