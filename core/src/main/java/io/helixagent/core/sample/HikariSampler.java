package io.helixagent.core.sample;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.PoolSettings;
import io.helixagent.core.subject.Subject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads a HikariCP pool once per tick through the getters of its own {@code HikariPoolMXBean}
 * ({@code getActiveConnections}, ...) and of the {@code HikariConfig} it was built from (which may be resized
 * at run time through {@code HikariConfigMXBean}), by name: present with the same signatures from HikariCP 4
 * through 7. The getters count the pool's connection bag without locking it.
 */
public final class HikariSampler {
    private static final String LIBRARY = "hikaricp";
    private static final Getters POOL = new Getters(LIBRARY, "getActiveConnections", "getIdleConnections",
        "getThreadsAwaitingConnection", "getTotalConnections");
    private static final Getters CONFIG = new Getters(LIBRARY, "getMaximumPoolSize", "getConnectionTimeout",
        "getLeakDetectionThreshold", "getPoolName");
    /** {@code HikariPool.POOL_SHUTDOWN}. */
    private static final int POOL_SHUTDOWN = 2;
    private static final ClassValue<Field> POOL_STATE = new ClassValue<>() {
        @Override
        protected Field computeValue(final Class<?> type) {
            try {
                return type.getField("poolState");
            } catch (final NoSuchFieldException ex) {
                return null;
            }
        }
    };

    private HikariSampler() {
    }

    /**
     * Samples {@code pool} into {@code aggregate} and names the subject after the pool.
     *
     * @param config the pool's {@code HikariConfig}, or null when unknown (its limits are then unknown too).
     * @return false when the pool could not be read.
     */
    public static boolean sample(final Subject subject, final Object pool, final Object config,
                                 final ConnectionPoolAggregate aggregate) {
        final Method[] getters = POOL.of(pool.getClass());
        if (getters == null) {
            return false;
        }
        try {
            final Field state = POOL_STATE.get(pool.getClass());
            if (state != null && state.getInt(pool) == POOL_SHUTDOWN) {
                aggregate.onClosed();
                return true;
            }
            final PoolSettings settings = settings(subject, config);
            aggregate.onSettings(settings);
            aggregate.onSample(Getters.integer(getters[0], pool), Getters.integer(getters[1], pool),
                Getters.integer(getters[2], pool), Getters.integer(getters[3], pool), settings.maxSize());
            return true;
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }

    private static PoolSettings settings(final Subject subject, final Object config)
        throws ReflectiveOperationException {
        final Method[] getters = config == null ? null : CONFIG.of(config.getClass());
        if (getters == null) {
            return PoolSettings.UNKNOWN;
        }
        subject.nameIfAbsent((String) getters[3].invoke(config));
        return new PoolSettings(Getters.integer(getters[0], config), Getters.number(getters[1], config),
            Getters.number(getters[2], config), -1);
    }
}
