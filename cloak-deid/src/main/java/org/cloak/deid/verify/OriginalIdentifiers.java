package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.deid.clean.DescriptorCleaner;
import org.cloak.deid.verify.Identifier.Kind;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * The identifying values of each patient, collected from every original of that patient
 * (keyed by original PatientID), so that a value from one study of a patient is also found in
 * the outputs of the patient's other studies. The values are those the descriptor cleaner
 * knows ({@link DescriptorCleaner#knownValues}) with their kind, plus the patient's study dates.
 */
public final class OriginalIdentifiers implements IdentifierSource {
    private static final int[] NAMES = {Tag.PatientName, Tag.OtherPatientNames, Tag.PatientBirthName,
        Tag.PatientMotherBirthName, Tag.ReferringPhysicianName, Tag.PerformingPhysicianName,
        Tag.NameOfPhysiciansReadingStudy, Tag.OperatorsName, Tag.RequestingPhysician, Tag.PhysiciansOfRecord,
        Tag.ResponsiblePerson};
    private static final int[] IDS = {Tag.PatientID, Tag.OtherPatientIDs, Tag.IssuerOfPatientID,
        Tag.MedicalRecordLocator};
    private static final int[] ACCESSIONS = {Tag.AccessionNumber};
    private static final int[] PLACES = {Tag.InstitutionName, Tag.InstitutionAddress, Tag.InstitutionalDepartmentName,
        Tag.PatientAddress, Tag.StationName, Tag.ReferringPhysicianAddress};
    private static final int[] DATES = {Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate};

    private final Map<String, Set<Identifier>> byPatient = new ConcurrentHashMap<>();
    private final Map<String, IdentifierMatcher> matchers = new ConcurrentHashMap<>();
    private volatile IdentifierMatcher everyone;

    /** Records the identifying values of one original. Thread-safe; before any matcher is asked for. */
    public void observe(DataSet original) {
        Set<Identifier> ids = byPatient.computeIfAbsent(patientKey(original), k -> ConcurrentHashMap.newKeySet());
        ids.addAll(valuesOf(original));
    }

    @Override
    public IdentifierMatcher matcherFor(DataSet output, DataSet original) {
        if (original == null) {
            IdentifierMatcher all = everyone;
            if (all == null) {
                List<Identifier> every = new ArrayList<>();
                byPatient.values().forEach(every::addAll);
                all = new IdentifierMatcher(every);
                everyone = all;
            }
            return all;
        }
        return matchers.computeIfAbsent(patientKey(original),
                k -> new IdentifierMatcher(byPatient.getOrDefault(k, Set.of())));
    }

    /** The identifiers of one data set's top level, with their kind and source. */
    public static List<Identifier> valuesOf(DataSet ds) {
        List<Identifier> out = new ArrayList<>();
        for (int tag : NAMES) {
            for (String name : ds.getStrings(tag)) {
                for (String form : DescriptorCleaner.nameForms(name)) {
                    out.add(new Identifier(Kind.NAME, DataSet.keywordOf(tag), form));
                }
            }
        }
        add(out, ds, IDS, Kind.ID);
        add(out, ds, ACCESSIONS, Kind.ACCESSION);
        add(out, ds, PLACES, Kind.INSTITUTION);
        String birth = ds.getString(Tag.PatientBirthDate);
        if (birth != null) {
            DescriptorCleaner.dateForms(birth).forEach(f -> out.add(new Identifier(Kind.BIRTH_DATE, "PatientBirthDate",
                    f)));
        }
        for (int tag : DATES) {
            String d = ds.getString(tag);
            if (d != null) {
                DescriptorCleaner.dateForms(d).forEach(f -> out.add(new Identifier(Kind.DATE, DataSet.keywordOf(tag),
                        f)));
            }
        }
        Collection<String> known = out.stream().map(i -> i.value().toUpperCase()).toList();
        for (String v : DescriptorCleaner.knownValues(ds)) {
            if (!known.contains(v.toUpperCase())) {
                out.add(new Identifier(Kind.TEXT, "known value", v));
            }
        }
        return out;
    }

    private static void add(List<Identifier> out, DataSet ds, int[] tags, Kind kind) {
        for (int tag : tags) {
            for (String v : ds.getStrings(tag)) {
                if (!v.isBlank()) {
                    out.add(new Identifier(kind, DataSet.keywordOf(tag), v.trim()));
                }
            }
        }
    }

    static String patientKey(DataSet original) {
        String id = original.getString(Tag.PatientID);
        return id == null ? "" : id;
    }
}
