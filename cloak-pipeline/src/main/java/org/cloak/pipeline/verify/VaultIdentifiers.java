package org.cloak.pipeline.verify;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cloak.deid.verify.Identifier;
import org.cloak.deid.verify.IdentifierMatcher;
import org.cloak.deid.verify.IdentifierSource;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.pipeline.vault.Vault;

/**
 * The identifying values of a run whose originals are gone, from its vault's re-identification
 * map: every original PatientID the map holds is searched in every output (a patient's ID leaking
 * into another patient's file is as much a leak), plus the values of another source (a values
 * file) when given. The map holds IDs only, so names and dates still need a values file.
 */
public final class VaultIdentifiers implements IdentifierSource {
    public static final String SOURCE = "PatientID in the vault";

    private final List<Identifier> originalIds;
    private final IdentifierSource also;
    private final Map<String, IdentifierMatcher> matchers = new ConcurrentHashMap<>();

    private VaultIdentifiers(List<Identifier> originalIds, IdentifierSource also) {
        this.originalIds = originalIds;
        this.also = also;
    }

    /**
     * Reads the map once (it stays in memory only, as the verifier's own values do).
     *
     * @param also another source whose values are searched too, or null
     */
    static VaultIdentifiers of(Vault vault, IdentifierSource also) throws IOException {
        // The vault exposes its map as CSV only: read it back from memory, never from a file.
        StringWriter csv = new StringWriter();
        vault.export(csv);
        List<Identifier> ids = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : format.parse(new StringReader(csv.toString()))) {
            if ("patient".equals(r.get("type")) && !r.get("original").isEmpty()) {
                ids.add(new Identifier(Identifier.Kind.ID, SOURCE, r.get("original")));
            }
        }
        return new VaultIdentifiers(List.copyOf(ids), also);
    }

    int patientCount() { return originalIds.size(); }

    @Override
    public String note() {
        return "Residual PHI scan without originals: searched for the " + originalIds.size()
                + " original patient IDs of the vault's map"
                + (also == null ? "" : " and the values file") + "; the map holds no names, birth dates or accession"
                + " numbers (give them with --values), and whether dates were shifted needs the originals.";
    }

    @Override
    public IdentifierMatcher matcherFor(DataSet output, DataSet original) {
        if (also == null) {
            return matchers.computeIfAbsent("", k -> new IdentifierMatcher(originalIds));
        }
        // The other source may depend on the output's (pseudonymous) PatientID: one matcher per pseudonym.
        String id = output.getString(Tag.PatientID);
        return matchers.computeIfAbsent(id == null ? "" : id, k -> {
            List<Identifier> all = new ArrayList<>(originalIds);
            all.addAll(also.matcherFor(output, original).identifiers());
            return new IdentifierMatcher(all);
        });
    }
}
