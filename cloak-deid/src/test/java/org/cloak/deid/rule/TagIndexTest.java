package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagIndexTest {
    @Test
    void findsEveryStoredTagAndNothingElse() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 2, 3, 651, 2000}) {
            Map<Integer, int[]> entries = new HashMap<>();
            entries.put(0, new int[] {1}); // tag (0000,0000) and negative tags are keys like any other
            entries.put(0xFFFEE000, new int[] {2});
            while (entries.size() < size + 2) {
                int tag = random.nextInt(4) == 0 ? random.nextInt()
                        : (random.nextInt(0x30) << 16) | random.nextInt(0x20);
                entries.put(tag, new int[] {entries.size()});
            }
            TagIndex index = new TagIndex(entries);
            entries.forEach((tag, idx) -> assertThat(index.get(tag)).isSameAs(idx));
            for (int i = 0; i < 10_000; i++) {
                int tag = random.nextInt();
                assertThat(index.get(tag)).isSameAs(entries.get(tag));
            }
        }
    }
}
