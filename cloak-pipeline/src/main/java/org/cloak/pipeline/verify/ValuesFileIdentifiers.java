package org.cloak.pipeline.verify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cloak.deid.clean.DescriptorCleaner;
import org.cloak.deid.verify.Identifier.Kind;
import org.cloak.deid.verify.Identifier;
import org.cloak.deid.verify.IdentifierMatcher;
import org.cloak.deid.verify.IdentifierSource;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * Identifying values listed in a CSV file, for checking outputs when the originals are gone:
 * columns {@code patient,kind,value}. {@code patient} is the output's (pseudonymous) PatientID,
 * or empty to search every output; {@code kind} is name, id, accession, institution, birth-date,
 * date or text. Names are searched in every order of their components, dates in every format.
 */
public final class ValuesFileIdentifiers implements IdentifierSource {
    private final Map<String, List<Identifier>> byPatient;
    private final List<Identifier> everyone;
    private final Map<String, IdentifierMatcher> matchers = new ConcurrentHashMap<>();

    private ValuesFileIdentifiers(Map<String, List<Identifier>> byPatient, List<Identifier> everyone) {
        this.byPatient = byPatient;
        this.everyone = everyone;
    }

    /** @throws IOException when the file cannot be read, or a line has an unknown kind (named by line number) */
    public static ValuesFileIdentifiers read(Path csv) throws IOException {
        Map<String, List<Identifier>> byPatient = new HashMap<>();
        List<Identifier> everyone = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : format.parse(r)) {
                String patient = rec.get("patient");
                String value = rec.get("value");
                Kind kind = kind(rec.get("kind"), csv, rec.getRecordNumber() + 1);
                List<Identifier> into = patient.isEmpty() || patient.equals("*") ? everyone
                        : byPatient.computeIfAbsent(patient, k -> new ArrayList<>());
                into.addAll(forms(kind, value));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": needs the columns patient,kind,value (" + e.getClass().getSimpleName()
                    + ")");
        }
        return new ValuesFileIdentifiers(byPatient, everyone);
    }

    @Override
    public IdentifierMatcher matcherFor(DataSet output, DataSet original) {
        String id = output.getString(Tag.PatientID);
        String key = id == null ? "" : id;
        return matchers.computeIfAbsent(key, k -> {
            List<Identifier> ids = new ArrayList<>(everyone);
            ids.addAll(byPatient.getOrDefault(k, List.of()));
            return new IdentifierMatcher(ids);
        });
    }

    private static List<Identifier> forms(Kind kind, String value) {
        List<Identifier> out = new ArrayList<>();
        String source = "values file";
        switch (kind) {
            case NAME -> DescriptorCleaner.nameForms(value).forEach(f -> out.add(new Identifier(kind, source, f)));
            case DATE, BIRTH_DATE -> DescriptorCleaner.dateForms(value).forEach(f -> out.add(new Identifier(kind,
                    source, f)));
            default -> out.add(new Identifier(kind, source, value));
        }
        return out;
    }

    private static Kind kind(String s, Path csv, long line) throws IOException {
        try {
            return Kind.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + " line " + line + ": unknown kind '" + s
                    + "' (name, id, accession, institution,"
                    + " birth-date, date, text)");
        }
    }
}
