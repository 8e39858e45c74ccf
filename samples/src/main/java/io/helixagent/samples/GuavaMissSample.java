package io.helixagent.samples;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "cache miss rate high", cause "TTL too short": exchange rates for 1,000 currency pairs are read at
 * random, 200 times a second, through a Guava {@code LoadingCache} whose entries expire one second after they are
 * loaded. A pair comes back every five seconds on average, long after its entry expired, so about four reads in
 * five go to the backend although the cache has no size limit.
 * <p>
 * Expected from helix-agent: {@code cache.hit-rate} CRITICAL for the cache created in {@link #main}, likely cause
 * {@code ttl-too-short}, with {@code expireAfterWriteSec} 1.
 */
public final class GuavaMissSample {
    private static final int PAIRS = 1000;

    private GuavaMissSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final LoadingCache<Integer, String> rates = CacheBuilder.newBuilder()
            .expireAfterWrite(1, TimeUnit.SECONDS)
            .build(CacheLoader.from(pair -> Backend.fetch("rate", pair)));
        SampleRunner.onset();
        final SplittableRandom random = new SplittableRandom(2);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long reads = 0;
        while (System.nanoTime() < end) {
            rates.getUnchecked(random.nextInt(PAIRS));
            reads++;
            Thread.sleep(5);
        }
        System.out.println("rate reads: " + reads + ", cached now: " + rates.size());
        SampleRunner.printReports();
    }
}
