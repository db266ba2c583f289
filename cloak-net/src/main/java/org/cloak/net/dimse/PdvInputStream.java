package org.cloak.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.cloak.net.NetException;
import org.cloak.net.pdu.Pdv;

/**
 * The data set of a DIMSE message as it arrives: the bytes of its data PDVs on one presentation
 * context, up to the PDV marked last. Only the current PDV is in memory. A protocol error or an
 * abort by the peer surfaces as an {@link IOException} (the association is then gone, see
 * {@link #failed()}).
 */
public final class PdvInputStream extends InputStream {
    private final DimseChannel channel;
    private final int contextId;
    private byte[] current = new byte[0];
    private int pos;
    private boolean lastSeen;
    private boolean failed;
    private long count;

    PdvInputStream(DimseChannel channel, int contextId) {
        this.channel = channel;
        this.contextId = contextId;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (lastSeen) {
                return -1;
            }
            nextFragment();
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        count += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - pos;
    }

    /** Reads and discards the rest of the data set; returns the bytes skipped. */
    public long drain() throws IOException {
        long skipped = 0;
        while (true) {
            skipped += current.length - pos;
            count += current.length - pos;
            pos = current.length;
            if (lastSeen) {
                return skipped;
            }
            nextFragment();
        }
    }

    /** True once the last fragment has been read entirely. */
    public boolean complete() { return lastSeen && pos == current.length; }

    /** True when reading failed because the association broke. */
    public boolean failed() { return failed; }

    /** Data set bytes delivered (or drained) so far. */
    public long count() { return count; }

    private void nextFragment() throws IOException {
        if (failed) {
            throw new IOException("Could not read the data set: the association already failed");
        }
        try {
            Pdv pdv = channel.nextPdv();
            if (pdv == null) {
                throw channel.protocolError("A-RELEASE-RQ before the data set was complete");
            }
            if (pdv.command()) {
                throw channel.protocolError("a command fragment arrived inside a data set");
            }
            if (pdv.contextId() != contextId) {
                throw channel.protocolError("data set fragment on presentation context " + pdv.contextId()
                        + " while receiving on " + contextId);
            }
            current = pdv.data();
            pos = 0;
            lastSeen = pdv.last();
        } catch (NetException e) {
            failed = true;
            throw new IOException("Could not read the data set: " + e.getMessage(), e);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
