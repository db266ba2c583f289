package org.cloak.pipeline.source;

import java.nio.file.Path;
import org.cloak.deid.pseudo.Origin;

/**
 * One object to de-identify, as the file processor, the layouts, the quarantine and the audit
 * see it: where its bytes are, the name it goes by, and where it came from.
 */
public sealed interface Input permits InputItem, ReceivedInstance {

    /** The file holding the object's bytes (read once; copied when quarantined). */
    Path file();

    /** The name it goes by in the audit, the quarantine and the mirror layouts: a relative path. */
    Path relative();

    /** Where it came from, as the de-identification API sees it. */
    Origin origin();
}
