package io.helixagent.samples;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.integration.CacheLoader;

/**
 * The guide's "cache miss rate high" through the standard JCache API (JSR 107, here with Caffeine's provider): a
 * read-through cache named {@code prices} for 1,000 products, read 200 times a second, whose entries expire one
 * second after creation. A product comes back every five seconds on average, so most reads load from the
 * backend; every get returns a value, and only the loader running inside it tells a miss.
 * <p>
 * Expected from helix-agent: {@code cache.hit-rate} CRITICAL for the cache {@code prices} created in
 * {@link #main}, likely cause {@code ttl-too-short} (JCache does not report expirations: the configured expiry is
 * compared with how often keys come back).
 */
public final class JCacheMissSample {
    private static final int PRODUCTS = 1000;

    private JCacheMissSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final CacheManager manager = Caching.getCachingProvider().getCacheManager();
        final Cache<Integer, String> prices = manager.createCache("prices", new MutableConfiguration<Integer, String>()
            .setTypes(Integer.class, String.class)
            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 1)))
            .setReadThrough(true)
            .setCacheLoaderFactory(FactoryBuilder.factoryOf(new PriceLoader())));
        SampleRunner.onset();
        final SplittableRandom random = new SplittableRandom(3);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long reads = 0;
        while (System.nanoTime() < end) {
            prices.get(random.nextInt(PRODUCTS));
            reads++;
            Thread.sleep(5);
        }
        System.out.println("price reads: " + reads);
        SampleRunner.printReports();
        manager.close();
    }

    /** Loads prices from the backend. */
    static final class PriceLoader implements CacheLoader<Integer, String>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String load(final Integer product) {
            return Backend.fetch("price", product);
        }

        @Override
        public Map<Integer, String> loadAll(final Iterable<? extends Integer> products) {
            final Map<Integer, String> loaded = new HashMap<>();
            for (final Integer product : products) {
                loaded.put(product, load(product));
            }
            return loaded;
        }
    }
}
