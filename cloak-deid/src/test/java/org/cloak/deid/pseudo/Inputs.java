package org.cloak.deid.pseudo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/** Small headers and settings for the planner tests, with obviously fake identifying values. */
final class Inputs {
    static final Path ROOT = Path.of("/in");
    static final Secret SECRET = new Secret(bytes(0));
    static final Secret OTHER_SECRET = new Secret(bytes(100));

    private Inputs() {}

    /** One input file: its header and where it lies. */
    record Input(DataSet header, Path root, Path relative) {
        Input(DataSet header, String relative) {
            this(header, ROOT, Path.of(relative));
        }
    }

    static byte[] bytes(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    static DataSet header(String patientId, String studyUid, String studyDate) {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        if (patientId != null) {
            ds.setString(Tag.PatientID, Vr.LO, patientId);
        }
        if (studyUid != null) {
            ds.setString(Tag.StudyInstanceUID, Vr.UI, studyUid);
        }
        if (studyDate != null) {
            ds.setString(Tag.StudyDate, Vr.DA, studyDate);
        }
        return ds;
    }

    static PatientIdConfig ids(String strategy) {
        return with(PatientIdConfig.defaults(), strategy, "P", 1, 3, "all");
    }

    static PatientIdConfig sequential(String discovery) {
        return with(PatientIdConfig.defaults(), "SEQUENTIAL", "P", 1, 3, discovery);
    }

    static PatientIdConfig with(PatientIdConfig d, String strategy, String prefix, int start, int width,
            String discovery) {
        return new PatientIdConfig(PatientIdConfig.Strategy.parse(strategy), prefix, start, width,
                PatientIdConfig.Unit.parse(discovery), d.folderRegex(), d.folderDepth(),
                d.fallback(), d.salt(), d.csvFile(), d.csvSource(), d.csvTarget(), d.unmapped(), d.patientName());
    }

    static PatientIdConfig folder(String regex, int depth, String fallback) {
        return Configs.ids("FOLDER", "", 1, 3, "all", regex, depth, fallback, "", null, null, null, "ERROR",
                "id");
    }

    static PatientIdConfig deterministic(String prefix, String salt, int width) {
        return Configs.ids("DETERMINISTIC", prefix, 1, width, "all", null, 0, null, salt, null, null, null,
                "ERROR", "id");
    }

    static PatientIdConfig csv(Path file, String unmapped) {
        return Configs.ids("CSV", "P", 1, 3, "all", null, 0, null, "", file.toString(), "original", "new",
                unmapped, "id");
    }

    static PatientIdConfig withName(PatientIdConfig c, String patientName) {
        return new PatientIdConfig(c.strategy(), c.prefix(), c.start(), c.width(), c.discovery(), c.folderRegex(),
                c.folderDepth(), c.fallback(), c.salt(), c.csvFile(), c.csvSource(), c.csvTarget(), c.unmapped(),
                PatientIdConfig.PatientName.parse(patientName));
    }

    static DateConfig dates(String mode) {
        DateConfig d = DateConfig.defaults();
        return Configs.dates(mode, d.shiftMinDays(), d.shiftMaxDays(), false, d.schedule(), null, "profile");
    }

    static DateConfig shift(int min, int max) {
        return Configs.dates("shift", min, max, false, List.of(0), null, "profile");
    }

    static DateConfig timepoints(Integer... months) {
        return Configs.dates("timepoint", -365, -1, false, List.of(months), null, "profile");
    }

    /** Observes the inputs in a shuffled order from four threads, then builds. */
    static PseudonymPlanner discover(PatientIdConfig ids, DateConfig dates, Secret secret, List<Input> inputs,
            long seed)
            throws Exception {
        PseudonymPlanner.Builder b = PseudonymPlanner.builder(ids, dates, secret);
        List<Input> order = new ArrayList<>(inputs);
        Collections.shuffle(order, new Random(seed));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Input in : order) {
                done.add(pool.submit(() -> b.observe(in.header(), Origin.ofFile(in.root(), in.relative()))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return b.build();
    }

    /** The new PatientID of every input, in input order. */
    static List<String> newIds(PseudonymPlanner planner, List<Input> inputs) {
        return inputs.stream()
                .map(in -> planner.planFor(in.header(), Origin.ofFile(in.root(), in.relative())).newPatientId())
                .toList();
    }
}
