package io.helixagent.samples;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "cache miss rate high", cause "cache size too small": a shop reads its 500 products at random
 * through a Caffeine {@code LoadingCache} that holds 100 of them. Nearly every read of an absent product evicts
 * another one to make room, so the hit rate stays near 20% and four reads in five go to the backend.
 * Runs unchanged on Caffeine 2.9 and 3.x.
 * <p>
 * Expected from helix-agent: {@code cache.hit-rate} CRITICAL for the cache created in {@link #main}, likely cause
 * {@code too-small}, with {@code maximumSize} 100 and about 500 distinct keys.
 */
public final class CaffeineMissSample {
    private static final int PRODUCTS = 500;

    private CaffeineMissSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        System.out.println("caffeine from " + Backend.jarOf(Caffeine.class));
        final LoadingCache<Integer, String> products = Caffeine.newBuilder()
            .maximumSize(100)
            .build(id -> Backend.fetch("product", id));
        SampleRunner.onset();
        final SplittableRandom random = new SplittableRandom(1);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long reads = 0;
        while (System.nanoTime() < end) {
            products.get(random.nextInt(PRODUCTS));
            reads++;
            if (reads % 10 == 0) {
                Thread.sleep(5);
            }
        }
        System.out.println("product reads: " + reads + ", cached now: " + products.estimatedSize());
        SampleRunner.printReports();
    }
}
