package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    @Test
    void everyItemGivesExactlyOneResultAcrossWorkers() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 5000).boxed().toList();
        ConcurrentLinkedQueue<Integer> results = new ConcurrentLinkedQueue<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        new BatchRunner(4).run(items, i -> {
            threads.add(Thread.currentThread().getName());
            return i * 2;
        }, (i, e) -> -1, results::add);
        assertThat(results).hasSize(5000);
        assertThat(results.stream().mapToInt(Integer::intValue).sorted().toArray())
                .isEqualTo(IntStream.range(0, 5000).map(i -> i * 2).toArray());
        assertThat(threads).allMatch(n -> n.startsWith("cloak-worker-"));
    }

    @Test
    void aThrowingTaskOrAnErrorBecomesAResultAndTheRunGoesOn() throws InterruptedException {
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        new BatchRunner(2).run(List.of(1, 2, 3, 4), i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
            if (i == 3) {
                throw new StackOverflowError();
            }
            return "ok" + i;
        }, (i, e) -> "failed" + i + ":" + e.getClass().getSimpleName(), results::add);
        assertThat(results).containsExactlyInAnyOrder("ok1", "failed2:IllegalStateException",
                "failed3:StackOverflowError", "ok4");
    }

    @Test
    void aFailingResultHandlerStopsTheRunInsteadOfHanging() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        assertThatThrownBy(() -> new BatchRunner(1).run(items, i -> i, (i, e) -> i, r -> {
            throw new IllegalStateException("sink broken");
        })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("sink broken");
    }

    @Test
    void atLeastOneWorker() {
        assertThatThrownBy(() -> new BatchRunner(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
