package org.cloak.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.cloak.net.pdu.Pdv;

/**
 * Sends a data set as data PDVs of at most the peer's size. A full buffer is sent only when
 * more bytes follow, so that the last PDV carries the last-fragment flag; {@link #close()}
 * sends it.
 */
public final class PdvOutputStream extends OutputStream {
    private final DimseChannel channel;
    private final int contextId;
    private final byte[] buffer;
    private int fill;
    private boolean closed;
    private long count;

    PdvOutputStream(DimseChannel channel, int contextId, int maxPdvData) {
        this.channel = channel;
        this.contextId = contextId;
        this.buffer = new byte[maxPdvData];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the data set was already sent");
        }
        while (len > 0) {
            if (fill == buffer.length) {
                channel.send(new Pdv(contextId, false, false, buffer)); // sent before the buffer is reused
                fill = 0;
            }
            int n = Math.min(len, buffer.length - fill);
            System.arraycopy(b, off, buffer, fill, n);
            fill += n;
            off += n;
            len -= n;
            count += n;
        }
    }

    /** Bytes written so far. */
    public long count() { return count; }

    /** Sends the last fragment. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        channel.send(new Pdv(contextId, false, true, fill == buffer.length ? buffer : Arrays.copyOf(buffer, fill)));
    }
}
