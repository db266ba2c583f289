package org.cloak.spark.plan;

import org.apache.spark.util.AccumulatorV2;
import org.cloak.deid.pseudo.Discovery;

/**
 * Merges the discovery pass's observations from every task into the driver. A merge is a set
 * union, so a task that ran twice (a retry) adds nothing new.
 */
public final class DiscoveryAccumulator extends AccumulatorV2<Discovery, Discovery> {
    private Discovery value = new Discovery();

    @Override
    public boolean isZero() { return value.size() == 0; }

    @Override
    public AccumulatorV2<Discovery, Discovery> copy() {
        DiscoveryAccumulator c = new DiscoveryAccumulator();
        c.value.merge(value);
        return c;
    }

    @Override
    public void reset() { value = new Discovery(); }

    @Override
    public void add(Discovery v) { value.merge(v); }

    @Override
    public void merge(AccumulatorV2<Discovery, Discovery> other) { value.merge(other.value()); }

    @Override
    public Discovery value() { return value; }
}
