package org.cloak.deid.pseudo;

import java.util.List;

/** Settings written as a recipe writes them, for tests. */
public final class Configs {
    private Configs() {}

    public static PatientIdConfig ids(String strategy, String prefix, int start, int width, String discovery,
                                      String regex, int depth, String fallback, String salt, String csvFile,
                                      String source, String target, String unmapped, String patientName) {
        return new PatientIdConfig(PatientIdConfig.Strategy.parse(strategy), prefix, start, width,
                PatientIdConfig.Unit.parse(discovery), regex, depth, fallback, salt, csvFile, source, target,
                PatientIdConfig.Unmapped.parse(unmapped), PatientIdConfig.PatientName.parse(patientName));
    }

    public static DateConfig dates(String mode, int min, int max, boolean zeroTimes, List<Integer> schedule,
                                   String fixed, String birthDate) {
        return new DateConfig(DateConfig.Mode.parse(mode), min, max, zeroTimes, schedule, fixed,
                DateConfig.BirthDate.parse(birthDate));
    }
}
