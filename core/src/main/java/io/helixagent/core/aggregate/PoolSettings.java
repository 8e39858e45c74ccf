package io.helixagent.core.aggregate;

/**
 * The settings of a connection pool that its remedies name, as read from the live pool; -1 where the library
 * has no such setting or it could not be read.
 *
 * @param maxSize               the limit: HikariCP {@code maximumPoolSize}, HttpClient {@code maxTotal}.
 * @param connectionTimeoutMs   HikariCP {@code connectionTimeout}: how long a caller waits before giving up.
 * @param leakDetectionMs       HikariCP {@code leakDetectionThreshold}, 0 when off.
 * @param defaultMaxPerRoute    HttpClient {@code defaultMaxPerRoute}.
 */
public record PoolSettings(int maxSize, long connectionTimeoutMs, long leakDetectionMs, int defaultMaxPerRoute) {
    /** Nothing known yet. */
    public static final PoolSettings UNKNOWN = new PoolSettings(-1, -1, -1, -1);
}
