package org.cloak.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UidRegistryTest {
    private final UidRegistry uids = UidRegistry.standard();

    @Test
    void transferSyntaxes() {
        assertThat(uids.isTransferSyntax(Uid.ExplicitVRLittleEndian)).isTrue();
        assertThat(uids.isTransferSyntax("1.2.840.10008.1.2")).isTrue();
        assertThat(uids.isTransferSyntax(Uid.CTImageStorage)).isFalse();
        assertThat(uids.isTransferSyntax("1.2.3.4")).isFalse();
        assertThat(uids.nameOf(Uid.ExplicitVRLittleEndian)).isEqualTo("Explicit VR Little Endian");
    }

    @Test
    void storageSopClasses() {
        assertThat(uids.isStorageSopClass(Uid.CTImageStorage)).isTrue();
        assertThat(uids.isStorageSopClass("1.2.840.10008.5.1.4.1.1.2")).isTrue();
        assertThat(uids.isStorageSopClass(Uid.DigitalXRayImageStorageForPresentation)).isTrue();
        assertThat(uids.isStorageSopClass(Uid.WaveformStorageTrial)).isTrue();
        assertThat(uids.isStorageSopClass(Uid.HangingProtocolStorage)).isTrue();
        assertThat(uids.isStorageSopClass(Uid.Verification)).isFalse();
        assertThat(uids.isStorageSopClass(Uid.StorageCommitmentPushModel)).isFalse();
        assertThat(uids.isStorageSopClass(Uid.MediaStorageDirectoryStorage)).isFalse();
        assertThat(uids.isStorageSopClass(Uid.StudyRootQueryRetrieveInformationModelFind)).isFalse();
        assertThat(uids.isStorageSopClass(Uid.ExplicitVRLittleEndian)).isFalse();
        assertThat(uids.isStorageSopClass("1.2.3.4")).isFalse();
    }

    @Test
    void lookups() {
        UidEntry ct = uids.lookup(Uid.CTImageStorage);
        assertThat(ct.name()).isEqualTo("CT Image Storage");
        assertThat(ct.keyword()).isEqualTo("CTImageStorage");
        assertThat(ct.type()).isEqualTo("SOP Class");
        assertThat(ct.retired()).isFalse();
        assertThat(uids.isRegistered(Uid.CTImageStorage)).isTrue();
        assertThat(uids.lookup("1.2.3.4")).isNull();
        assertThat(uids.lookup(null)).isNull();
        assertThat(uids.isRegistered("1.2.3.4")).isFalse();
        assertThat(uids.nameOf("1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(uids.lookup(Uid.TalairachBrainAtlas).type()).isEqualTo("Well-known frame of reference");
    }

    @Test
    void rowsWithoutName() {
        String blank = "1.2.840.10008.5.1.4.1.1.40";
        assertThat(uids.isRegistered(blank)).isTrue();
        assertThat(uids.lookup(blank).retired()).isTrue();
        assertThat(uids.nameOf(blank)).isEqualTo(blank);
    }
}
