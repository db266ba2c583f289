package org.cloak.pipeline.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.Masking;
import org.cloak.deid.verify.Severity;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.pipeline.verify.VerifyReport.SeriesSummary;
import org.cloak.pipeline.verify.VerifyReport.StudySummary;

/** Pass or fail per study and series of the output, from the findings of their files. */
final class Summaries {
    private static final String NONE = "-";
    private static final String PATIENT_ID_PATH = Tags.toString(Tag.PatientID);

    private Summaries() {}

    /** What the summary needs from one output file. */
    record Facts(String patient, String study, String series, String modality) {
        static Facts of(DataSet ds) {
            return new Facts(or(ds.getString(Tag.PatientID)), or(ds.getString(Tag.StudyInstanceUID)),
                    or(ds.getString(Tag.SeriesInstanceUID)), or(ds.getString(Tag.Modality)));
        }

        private static String or(String s) { return s == null ? NONE : s; }
    }

    static List<StudySummary> of(Map<Path, Facts> facts, List<Finding> findings, boolean showValues) {
        Map<String, long[]> perFile = new HashMap<>();
        Map<String, Boolean> patientFlagged = new HashMap<>();
        for (Finding f : findings) {
            long[] n = perFile.computeIfAbsent(f.file(), k -> new long[2]);
            n[f.severity() == Severity.FAIL ? 0 : 1]++;
            if (f.path().equals(PATIENT_ID_PATH)) {
                patientFlagged.put(f.file(), true);
            }
        }
        Map<String, Map<String, List<Map.Entry<Path, Facts>>>> tree = new TreeMap<>();
        facts.entrySet().forEach(e -> tree.computeIfAbsent(e.getValue().study(), k -> new TreeMap<>())
                .computeIfAbsent(e.getValue().series(), k -> new ArrayList<>()).add(e));
        List<StudySummary> studies = new ArrayList<>();
        tree.forEach((study, seriesMap) -> {
            List<SeriesSummary> series = new ArrayList<>();
            long sf = 0;
            long sw = 0;
            int files = 0;
            String patient = NONE;
            boolean mask = false;
            for (Map.Entry<String, List<Map.Entry<Path, Facts>>> s : seriesMap.entrySet()) {
                long fails = 0;
                long warns = 0;
                String modality = NONE;
                for (Map.Entry<Path, Facts> f : s.getValue()) {
                    long[] n = perFile.getOrDefault(f.getKey().toString(), new long[2]);
                    fails += n[0];
                    warns += n[1];
                    modality = f.getValue().modality();
                    patient = f.getValue().patient();
                    mask |= patientFlagged.containsKey(f.getKey().toString());
                }
                series.add(new SeriesSummary(s.getKey(), modality, s.getValue().size(), fails, warns, fails == 0));
                sf += fails;
                sw += warns;
                files += s.getValue().size();
            }
            String shown = mask && !showValues ? Masking.mask(patient) : patient;
            studies.add(new StudySummary(shown, study, files, sf, sw, sf == 0, series));
        });
        return studies;
    }
}
