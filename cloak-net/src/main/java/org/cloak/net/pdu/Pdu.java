package org.cloak.net.pdu;

/**
 * A protocol data unit of the DICOM Upper Layer (PS3.8 Section 9.3): the seven PDU types an
 * association exchanges.
 */
public sealed interface Pdu permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {
    int TYPE_A_ASSOCIATE_RQ = 0x01;
    int TYPE_A_ASSOCIATE_AC = 0x02;
    int TYPE_A_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_A_RELEASE_RQ = 0x05;
    int TYPE_A_RELEASE_RP = 0x06;
    int TYPE_A_ABORT = 0x07;

    /** The PDU-type byte (PS3.8 Table 9-11 and following). */
    int type();
}
