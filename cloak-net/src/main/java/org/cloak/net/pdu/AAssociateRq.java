package org.cloak.net.pdu;

import java.util.List;
import java.util.Objects;
import org.cloak.dicom.dict.Uid;

/**
 * A-ASSOCIATE-RQ (PS3.8 Section 9.3.2): the requestor's AE titles, application context,
 * proposed presentation contexts and user information.
 */
public record AAssociateRq(String calledAeTitle, String callingAeTitle, String applicationContextName,
                           List<PresentationContextRq> presentationContexts, UserInformation userInformation)
        implements Pdu {
    /** The DICOM application context name (PS3.7 Annex A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = Uid.DICOMApplicationContext;

    public AAssociateRq {
        Objects.requireNonNull(calledAeTitle, "calledAeTitle");
        Objects.requireNonNull(callingAeTitle, "callingAeTitle");
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
    }

    @Override
    public int type() { return TYPE_A_ASSOCIATE_RQ; }
}
