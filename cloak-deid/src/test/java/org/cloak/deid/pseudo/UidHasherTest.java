package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.deid.pseudo.Inputs.OTHER_SECRET;
import static org.cloak.deid.pseudo.Inputs.SECRET;

import org.cloak.dicom.dict.Uid;
import org.junit.jupiter.api.Test;

class UidHasherTest {
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.1.9999";

    @Test
    void theUidIsPinnedSoReferencesSurviveAcrossReleases() {
        // value computed independently with Python's hmac module
        assertThat(new UidHasher(SECRET).map(STUDY)).isEqualTo("2.25.119178759553769655403400858733588934028");
    }

    @Test
    void theSameUidAndSecretGiveTheSameUidAndOtherSecretsAnother() {
        String a = new UidHasher(SECRET).map(STUDY);
        assertThat(new UidHasher(new Secret(Inputs.bytes(0))).map(STUDY)).isEqualTo(a);
        assertThat(new UidHasher(OTHER_SECRET).map(STUDY)).isNotEqualTo(a);
        assertThat(new UidHasher(SECRET).map(STUDY + ".1")).isNotEqualTo(a);
    }

    @Test
    void newUidsAreValid225UidsOfAtMost64Characters() {
        UidHasher h = new UidHasher(SECRET);
        for (int i = 0; i < 1000; i++) {
            String uid = h.map(STUDY + "." + i);
            assertThat(uid).matches("2\\.25\\.(0|[1-9][0-9]*)").hasSizeLessThanOrEqualTo(64);
        }
    }

    @Test
    void uidsOfTheStandardAreNeverReplaced() {
        UidHasher h = new UidHasher(SECRET);
        assertThat(h.map(Uid.ExplicitVRLittleEndian)).isEqualTo(Uid.ExplicitVRLittleEndian);
        assertThat(h.map(Uid.CTImageStorage)).isEqualTo(Uid.CTImageStorage);
        assertThat(h.map("")).isEmpty();
    }

    @Test
    void aRepeatedUidMapsAsOnItsFirstUseWhateverCameInBetween() {
        UidHasher cached = new UidHasher(SECRET);
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2000; i++) { // more UIDs than the cache holds, so slots are reused
                String uid = STUDY + "." + (i * 7919 % 2000);
                String mapped = cached.map(uid);
                assertThat(first.computeIfAbsent(uid, u -> new UidHasher(SECRET).map(u))).isEqualTo(mapped);
            }
        }
        assertThat(cached.map(Uid.CTImageStorage)).isEqualTo(Uid.CTImageStorage);
    }

    @Test
    void threadsShareNoCache() throws Exception {
        UidHasher h = new UidHasher(SECRET);
        String expected = new UidHasher(SECRET).map(STUDY);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Callable<String>> tasks = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                tasks.add(() -> {
                    h.map(STUDY + "." + n);
                    return h.map(STUDY);
                });
            }
            for (java.util.concurrent.Future<String> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
