package io.helixagent.core.jfr;

import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import java.time.Duration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Streams JFR events in-process and turns the ones detectors use into records in the same ring buffer as
 * the probes. Bounded: the stream keeps at most {@link #MAX_AGE} and {@link #MAX_SIZE_BYTES} of data, and
 * only enabled events are recorded.
 */
public final class JfrEventSource implements AutoCloseable {
    /** The longest the stream's repository keeps data. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** The most the stream's repository keeps. */
    public static final long MAX_SIZE_BYTES = 16L * 1024 * 1024;

    private final RecordingStream stream;

    private JfrEventSource(final RecordingStream stream) {
        this.stream = stream;
    }

    /**
     * Starts the stream on its own daemon thread.
     *
     * @throws RuntimeException when JFR is unavailable or refuses to start; the caller runs on without it.
     */
    public static JfrEventSource start(final RecordRing ring) {
        final RecordingStream stream = new RecordingStream();
        try {
            stream.setMaxAge(MAX_AGE);
            stream.setMaxSize(MAX_SIZE_BYTES);
            stream.enable("jdk.GarbageCollection");
            stream.enable("jdk.GCHeapSummary");
            stream.onEvent("jdk.GarbageCollection", e -> ring.publish(RecordType.GC, 0, 0,
                nanos(e, "sumOfPauses"), nanos(e, "longestPause")));
            stream.onEvent("jdk.GCHeapSummary", e -> {
                if ("After GC".equals(e.getString("when"))) {
                    ring.publish(RecordType.HEAP_AFTER_GC, 0, 0, e.getLong("heapUsed"), 0);
                }
            });
            stream.startAsync();
            return new JfrEventSource(stream);
        } catch (final RuntimeException ex) {
            stream.close();
            throw ex;
        }
    }

    private static long nanos(final RecordedEvent event, final String field) {
        final Duration d = event.getDuration(field);
        return d == null ? 0 : d.toNanos();
    }

    /** Stops the stream and its thread. */
    @Override
    public void close() {
        stream.close();
    }
}
