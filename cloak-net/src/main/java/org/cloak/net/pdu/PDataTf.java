package org.cloak.net.pdu;

import java.util.List;

/** P-DATA-TF (PS3.8 Section 9.3.5): one or more presentation data values. */
public record PDataTf(List<Pdv> pdvs) implements Pdu {

    public PDataTf {
        pdvs = List.copyOf(pdvs);
    }

    /** A P-DATA-TF carrying a single PDV. */
    public static PDataTf of(Pdv pdv) {
        return new PDataTf(List.of(pdv));
    }

    @Override
    public int type() { return TYPE_P_DATA_TF; }
}
