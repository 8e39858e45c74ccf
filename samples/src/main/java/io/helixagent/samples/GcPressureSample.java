package io.helixagent.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "high memory usage" on a heap that is too small: a cache keeps about 70% of the heap alive while
 * requests keep allocating, so the collector runs back to back and frees little. Run it with {@code -Xmx64m}.
 * <p>
 * Expected from helix-agent: {@code gc.overhead} (WARNING or CRITICAL) with the share of time in GC and the live
 * heap against the maximum.
 */
public final class GcPressureSample {
    private static volatile long sink;

    private GcPressureSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final long max = Runtime.getRuntime().maxMemory();
        final List<long[]> cache = new ArrayList<>();
        for (long kept = 0; kept < max * 7 / 10; kept += 8 * 1024) {
            cache.add(new long[1024]);
        }
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long requests = 0;
        while (System.nanoTime() < end) {
            final List<long[]> garbage = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                garbage.add(new long[2048]);
            }
            cache.set((int) (requests % cache.size()), new long[1024]);
            sink += garbage.size();
            requests++;
        }
        System.out.println("requests: " + requests + ", cache entries: " + cache.size() + ", " + sink);
        SampleRunner.printReports();
    }
}
