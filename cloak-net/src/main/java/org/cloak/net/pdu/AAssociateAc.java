package org.cloak.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A-ASSOCIATE-AC (PS3.8 Section 9.3.3): the result for each proposed presentation context and
 * the acceptor's user information. The AE title fields repeat the request's (the standard says
 * they are not to be tested by the receiver).
 */
public record AAssociateAc(String calledAeTitle, String callingAeTitle, String applicationContextName,
                           List<PresentationContextAc> presentationContexts, UserInformation userInformation)
        implements Pdu {

    public AAssociateAc {
        Objects.requireNonNull(calledAeTitle, "calledAeTitle");
        Objects.requireNonNull(callingAeTitle, "callingAeTitle");
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
    }

    @Override
    public int type() { return TYPE_A_ASSOCIATE_AC; }
}
