package io.helixagent.core.record;

/**
 * How a timed operation ended, carried in a record's {@code aux} field: codes shared by connection pools and
 * outbound HTTP calls, so that probes classify a throwable once and aggregates count by code.
 */
public final class Outcome {
    /** It completed: a connection was handed out, a response arrived. */
    public static final int OK = 0;
    /** A pool gave up waiting for a free connection (HikariCP connectionTimeout, a lease timeout). */
    public static final int TIMEOUT = 1;
    /** An HTTP call timed out while connecting to its host. */
    public static final int CONNECT_TIMEOUT = 2;
    /** An HTTP call timed out waiting for (or reading) the response. */
    public static final int READ_TIMEOUT = 3;
    /** It failed some other way (connection refused, an interrupted wait, a driver error). */
    public static final int FAILED = 4;

    private Outcome() {
    }
}
