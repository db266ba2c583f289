package org.cloak.dicom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntObjectMapTest {

    @Test
    void zeroAndNegativeKeysAreOrdinaryKeys() {
        IntObjectMap<String> map = new IntObjectMap<>();
        assertThat(map.get(0)).isNull();
        map.put(0, "zero");
        map.put(0xFFFEE000, "item");
        assertThat(map.get(0)).isEqualTo("zero");
        assertThat(map.get(0xFFFEE000)).isEqualTo("item");
        assertThat(map.put(0, "again")).isEqualTo("zero");
        assertThat(map.size()).isEqualTo(2);
        assertThatThrownBy(() -> map.put(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void agreesWithHashMapAcrossGrowth() {
        IntObjectMap<Integer> map = new IntObjectMap<>(2);
        Map<Integer, Integer> ref = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(5000) << 16 | random.nextInt(64);
            assertThat(map.put(key, i)).isEqualTo(ref.put(key, i));
        }
        assertThat(map.size()).isEqualTo(ref.size());
        ref.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        for (int i = 0; i < 1000; i++) {
            int key = random.nextInt();
            assertThat(map.get(key)).isEqualTo(ref.get(key));
        }
    }
}
