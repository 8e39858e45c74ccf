package io.helixagent.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Striped counters lose no increment under contention and keep counters apart. */
class StripedCountersTest {
    @Test
    void shouldCountEveryIncrementWhenManyThreadsCount() throws InterruptedException {
        final StripedCounters counters = new StripedCounters(3);
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            final Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counters.increment(0);
                    if (i % 2 == 0) {
                        counters.increment(2);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (final Thread thread : threads) {
            thread.join();
        }
        assertEquals(240_000, counters.sum(0));
        assertEquals(0, counters.sum(1));
        assertEquals(120_000, counters.sum(2));
    }

    @Test
    void shouldRejectCountersBeyondOneCacheLine() {
        assertThrows(IllegalArgumentException.class, () -> new StripedCounters(StripedCounters.LINE_LONGS + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new StripedCounters(2).sum(2));
    }
}
