package io.helixagent.samples;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Well-sized caches of every supported library, for the healthy sample: each is warmed with its whole working set
 * at start, holds it, and keeps entries far longer than keys take to come back, so nearly every read hits.
 */
final class HealthyCaches {
    private static final int USERS = 200;

    private HealthyCaches() {
    }

    /** Builds, warms and reads the caches on a background daemon thread for {@code seconds}; returns at once. */
    static void run(final int seconds) {
        final Thread reader = new Thread(() -> read(seconds), "healthy-cache-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void read(final int seconds) {
        final LoadingCache<Integer, String> users = Caffeine.newBuilder()
            .maximumSize(1000)
            .expireAfterWrite(10, TimeUnit.MINUTES)
            .build(id -> Backend.fetch("user", id));
        final Cache<Integer, String> sessions = CacheBuilder.newBuilder().maximumSize(500).build();
        final CacheManager manager = Caching.getCachingProvider().getCacheManager();
        final javax.cache.Cache<Integer, String> settings = manager.createCache("settings",
            new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class));
        for (int id = 0; id < USERS; id++) {
            users.put(id, Backend.fetch("user", id));
            sessions.put(id, Backend.fetch("session", id));
            settings.put(id, Backend.fetch("settings", id));
        }
        final SplittableRandom random = new SplittableRandom(4);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < end) {
                final int id = random.nextInt(USERS);
                users.get(id);
                if (sessions.getIfPresent(id) == null) {
                    sessions.put(id, Backend.fetch("session", id));
                }
                if (settings.get(id) == null) {
                    settings.put(id, Backend.fetch("settings", id));
                }
                Thread.sleep(1);
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
