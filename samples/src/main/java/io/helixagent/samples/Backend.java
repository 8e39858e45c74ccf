package io.helixagent.samples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The slow service behind the cache samples: every call takes about 200 microseconds, like a fast remote call. */
final class Backend {
    private static final long CALL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private Backend() {
    }

    /** @return the record {@code kind:id}, after a call's worth of waiting. */
    static String fetch(final String kind, final int id) {
        LockSupport.parkNanos(CALL_NANOS);
        return kind + ":" + id;
    }

    /** @return where a library class was loaded from, to show which version a sample runs on. */
    static String jarOf(final Class<?> type) {
        return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
    }
}
