package org.cloak.pipeline.source;

import java.nio.file.Path;
import org.cloak.deid.pseudo.Origin;

/**
 * An instance received over the network, held in the listener's spool until its output is on
 * disk. It has no input folder: pseudonym strategies see the sender, and its name is made of
 * de-identified UIDs (see {@code layout.ReceivedNames}).
 *
 * @param file the spooled data set
 * @param relative its name, {@code <study>/<series>/<instance>.dcm} in de-identified UIDs
 * @param callingAe the sender's AE title
 */
public record ReceivedInstance(Path file, Path relative, String callingAe) implements Input {

    @Override
    public Origin origin() { return Origin.received(callingAe); }
}
