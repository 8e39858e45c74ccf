package io.helixagent.core.sample;

import io.helixagent.core.aggregate.CacheAggregate;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads one cache's size and configured limits once per tick, reflectively: the library's types are not visible
 * to the agent. Members are looked up once, when the cache is first seen, and kept with its aggregate, so
 * nothing here outlives the cache or pins a host class. What a library does not expose is reported unknown.
 * <ul>
 *   <li>Caffeine ({@code BoundedLocalCache}): {@code evicts()}, {@code maximum()}, {@code isWeighted()},
 *       {@code weightedSize()}, {@code expiresAfterWrite/Access()} and their {@code ...Nanos()}, the methods its
 *       own {@code Policy} reads; they are protected, so they need {@code setAccessible} (granted on the class
 *       path; on the module path the limits stay unknown). {@code UnboundedLocalCache} has neither bound nor
 *       expiry.</li>
 *   <li>Guava ({@code LocalCache}): the final fields {@code maxWeight}, {@code weigher},
 *       {@code expireAfterWriteNanos} and {@code expireAfterAccessNanos} the builder set.</li>
 *   <li>JCache ({@code javax.cache.Cache}): {@code getName()} and the expiry policy's durations for creation and
 *       access, read once (a JCache configuration does not change); size and capacity are provider settings the
 *       standard API does not expose.</li>
 * </ul>
 */
public abstract class CacheReader {
    private static final String CAFFEINE_BOUNDED = "com.github.benmanes.caffeine.cache.BoundedLocalCache";
    private static final String CAFFEINE_UNBOUNDED = "com.github.benmanes.caffeine.cache.UnboundedLocalCache";
    private static final String GUAVA = "com.google.common.cache.LocalCache";
    private static final String JCACHE = "javax.cache.Cache";

    private final String library;

    CacheReader(final String library) {
        this.library = library;
    }

    /**
     * @return a reader for {@code cache}, chosen by the library class it extends or implements, or null when it is
     *     none of the supported ones.
     */
    public static CacheReader of(final Object cache) {
        for (Class<?> c = cache.getClass(); c != null; c = c.getSuperclass()) {
            switch (c.getName()) {
                case CAFFEINE_BOUNDED:
                    return new CaffeineBounded(c);
                case CAFFEINE_UNBOUNDED:
                    return new SizeOnly("Caffeine");
                case GUAVA:
                    return new Guava(c);
                default:
                    final Class<?> jcache = findInterface(c, JCACHE);
                    if (jcache != null) {
                        return new JCache(jcache);
                    }
            }
        }
        return null;
    }

    /** @return the library's name, such as {@code Caffeine}. */
    public String library() {
        return library;
    }

    /** @return the library's own name for the cache, or null when it has none. */
    public String name(final Object cache) {
        return null;
    }

    /**
     * Samples {@code cache} into {@code into}.
     *
     * @return false when the cache could not be read (the aggregate keeps its previous figures).
     */
    public abstract boolean sample(Object cache, CacheAggregate into);

    private static Class<?> findInterface(final Class<?> type, final String name) {
        for (final Class<?> i : type.getInterfaces()) {
            if (i.getName().equals(name)) {
                return i;
            }
            final Class<?> inherited = findInterface(i, name);
            if (inherited != null) {
                return inherited;
            }
        }
        return null;
    }

    /** @return the declared member made accessible, or null when it is absent or may not be opened. */
    static Method method(final Class<?> type, final String name) {
        try {
            final Method m = type.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    static Field field(final Class<?> type, final String name) {
        try {
            final Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    static long entries(final Object cache) {
        return cache instanceof Map ? ((Map<?, ?>) cache).size() : CacheAggregate.UNKNOWN;
    }

    /** Caffeine's {@code UnboundedLocalCache}: a map without bound or expiry. */
    private static final class SizeOnly extends CacheReader {
        SizeOnly(final String library) {
            super(library);
        }

        @Override
        public boolean sample(final Object cache, final CacheAggregate into) {
            into.onSample(entries(cache), CacheAggregate.UNBOUNDED, false, CacheAggregate.NO_EXPIRY,
                CacheAggregate.NO_EXPIRY);
            return true;
        }
    }

    /** Caffeine's {@code BoundedLocalCache} and its generated subclasses, 2.9 and 3.x. */
    private static final class CaffeineBounded extends CacheReader {
        private final Method evicts;
        private final Method maximum;
        private final Method isWeighted;
        private final Method weightedSize;
        private final Method expiresAfterWrite;
        private final Method expiresAfterWriteNanos;
        private final Method expiresAfterAccess;
        private final Method expiresAfterAccessNanos;

        CaffeineBounded(final Class<?> base) {
            super("Caffeine");
            evicts = method(base, "evicts");
            maximum = method(base, "maximum");
            isWeighted = method(base, "isWeighted");
            weightedSize = method(base, "weightedSize");
            expiresAfterWrite = method(base, "expiresAfterWrite");
            expiresAfterWriteNanos = method(base, "expiresAfterWriteNanos");
            expiresAfterAccess = method(base, "expiresAfterAccess");
            expiresAfterAccessNanos = method(base, "expiresAfterAccessNanos");
        }

        @Override
        public boolean sample(final Object cache, final CacheAggregate into) {
            try {
                final boolean bounded = evicts != null && maximum != null && (Boolean) evicts.invoke(cache);
                final boolean weighted = bounded && isWeighted != null && (Boolean) isWeighted.invoke(cache);
                final long capacity = evicts == null || maximum == null ? CacheAggregate.UNKNOWN
                    : bounded ? (Long) maximum.invoke(cache) : CacheAggregate.UNBOUNDED;
                final long entries = weighted && weightedSize != null ? (Long) weightedSize.invoke(cache)
                    : entries(cache);
                into.onSample(entries, capacity, weighted, expiry(cache, expiresAfterWrite, expiresAfterWriteNanos),
                    expiry(cache, expiresAfterAccess, expiresAfterAccessNanos));
                return true;
            } catch (final ReflectiveOperationException | RuntimeException ex) {
                return false;
            }
        }

        private static long expiry(final Object cache, final Method enabled, final Method nanos)
            throws ReflectiveOperationException {
            if (enabled == null || nanos == null) {
                return CacheAggregate.UNKNOWN;
            }
            return (Boolean) enabled.invoke(cache) ? (Long) nanos.invoke(cache) : CacheAggregate.NO_EXPIRY;
        }
    }

    /** Guava's {@code LocalCache}, behind every {@code CacheBuilder} cache. */
    private static final class Guava extends CacheReader {
        private final Field maxWeight;
        private final Field weigher;
        private final Field expireAfterWriteNanos;
        private final Field expireAfterAccessNanos;

        Guava(final Class<?> base) {
            super("Guava");
            maxWeight = field(base, "maxWeight");
            weigher = field(base, "weigher");
            expireAfterWriteNanos = field(base, "expireAfterWriteNanos");
            expireAfterAccessNanos = field(base, "expireAfterAccessNanos");
        }

        @Override
        public boolean sample(final Object cache, final CacheAggregate into) {
            try {
                // maxWeight is the maximum size without a weigher, and -1 (unbounded) when neither was set
                final long capacity = maxWeight == null ? CacheAggregate.UNKNOWN
                    : Math.max(CacheAggregate.UNBOUNDED, maxWeight.getLong(cache));
                final Object w = weigher == null ? null : weigher.get(cache);
                final boolean weighted = w != null && !w.getClass().getName().endsWith("OneWeigher");
                into.onSample(entries(cache), capacity, weighted, expiry(cache, expireAfterWriteNanos),
                    expiry(cache, expireAfterAccessNanos));
                return true;
            } catch (final ReflectiveOperationException | RuntimeException ex) {
                return false;
            }
        }

        /** Guava keeps 0 for "does not expire" (an expiry of zero is turned into a size of zero instead). */
        private static long expiry(final Object cache, final Field nanos) throws IllegalAccessException {
            if (nanos == null) {
                return CacheAggregate.UNKNOWN;
            }
            final long value = nanos.getLong(cache);
            return value > 0 ? value : CacheAggregate.NO_EXPIRY;
        }
    }

    /** Any {@code javax.cache.Cache}: its name and expiry policy through the standard API. */
    private static final class JCache extends CacheReader {
        private final Method getName;
        private final Method getConfiguration;
        private long afterCreationNanos = CacheAggregate.UNKNOWN;
        private long afterAccessNanos = CacheAggregate.UNKNOWN;
        private boolean expiryRead;

        JCache(final Class<?> api) {
            super("JCache");
            getName = publicMethod(api, "getName");
            getConfiguration = publicMethod(api, "getConfiguration", Class.class);
        }

        private static Method publicMethod(final Class<?> type, final String name, final Class<?>... parameters) {
            try {
                return type.getMethod(name, parameters);
            } catch (final NoSuchMethodException | RuntimeException ex) {
                return null;
            }
        }

        @Override
        public String name(final Object cache) {
            try {
                return getName == null ? null : (String) getName.invoke(cache);
            } catch (final ReflectiveOperationException | RuntimeException ex) {
                return null;
            }
        }

        @Override
        public boolean sample(final Object cache, final CacheAggregate into) {
            if (!expiryRead) {
                expiryRead = true;
                readExpiry(cache);
            }
            into.onSample(CacheAggregate.UNKNOWN, CacheAggregate.UNKNOWN, false, afterCreationNanos,
                afterAccessNanos);
            return true;
        }

        /** {@code getConfiguration(CompleteConfiguration.class).getExpiryPolicyFactory().create()}, once. */
        private void readExpiry(final Object cache) {
            try {
                final ClassLoader loader = getConfiguration.getDeclaringClass().getClassLoader();
                final Class<?> complete = Class.forName("javax.cache.configuration.CompleteConfiguration", false,
                    loader);
                final Object configuration = getConfiguration.invoke(cache, complete);
                final Object factory = complete.getMethod("getExpiryPolicyFactory").invoke(configuration);
                final Class<?> factoryType = Class.forName("javax.cache.configuration.Factory", false, loader);
                final Object policy = factoryType.getMethod("create").invoke(factory);
                final Class<?> policyType = Class.forName("javax.cache.expiry.ExpiryPolicy", false, loader);
                afterCreationNanos = nanos(policyType.getMethod("getExpiryForCreation").invoke(policy));
                afterAccessNanos = nanos(policyType.getMethod("getExpiryForAccess").invoke(policy));
            } catch (final ReflectiveOperationException | RuntimeException | LinkageError ex) {
                afterCreationNanos = CacheAggregate.UNKNOWN;
                afterAccessNanos = CacheAggregate.UNKNOWN;
            }
        }

        /** A {@code javax.cache.expiry.Duration} in ns; null (unchanged) or eternal means no expiry. */
        private static long nanos(final Object duration) throws ReflectiveOperationException {
            if (duration == null || (Boolean) duration.getClass().getMethod("isEternal").invoke(duration)) {
                return CacheAggregate.NO_EXPIRY;
            }
            final TimeUnit unit = (TimeUnit) duration.getClass().getMethod("getTimeUnit").invoke(duration);
            final long amount = (Long) duration.getClass().getMethod("getDurationAmount").invoke(duration);
            return unit.toNanos(amount);
        }
    }
}
