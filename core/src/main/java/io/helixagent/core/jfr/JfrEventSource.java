package io.helixagent.core.jfr;

import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import java.time.Duration;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Streams JFR events in-process and turns the ones detectors use into records in the same ring buffer as
 * the probes. Bounded: the stream keeps at most {@link #MAX_AGE} and {@link #MAX_SIZE_BYTES} of data, and
 * only enabled events are recorded.
 * <p>
 * Everything runs on one daemon thread, {@code helix-jfr}: setting JFR up takes a few hundred milliseconds
 * that {@code premain} should not take from the application, and JFR's own {@code startAsync} thread is not
 * a daemon, so it would keep the host's JVM from exiting.
 */
public final class JfrEventSource implements AutoCloseable {
    /** The longest the stream's repository keeps data. */
    public static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** The most the stream's repository keeps. */
    public static final long MAX_SIZE_BYTES = 16L * 1024 * 1024;

    /** State reported when the stream runs. */
    public static final String ON = "on";
    /** State reported when the stream stopped because the agent or the JVM did. */
    public static final String STOPPED = "stopped";
    /** Prefix of the state reported when JFR is missing or refused to start. */
    public static final String UNAVAILABLE = "unavailable: ";

    private final RecordRing ring;
    private final Consumer<String> state;
    private RecordingStream stream;
    private boolean closed;

    private JfrEventSource(final RecordRing ring, final Consumer<String> state) {
        this.ring = ring;
        this.state = state;
    }

    /**
     * Starts the stream in the background.
     *
     * @param ring  where events go.
     * @param state told {@link #ON}, {@link #STOPPED}, or {@link #UNAVAILABLE} and the reason when JFR is missing
     *              or refuses to start.
     */
    public static JfrEventSource start(final RecordRing ring, final Consumer<String> state) {
        final JfrEventSource source = new JfrEventSource(ring, state);
        final Thread thread = new Thread(source::run, "helix-jfr");
        thread.setDaemon(true);
        thread.start();
        return source;
    }

    private void run() {
        final RecordingStream s;
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                s = new RecordingStream();
                stream = s;
            }
            s.setMaxAge(MAX_AGE);
            s.setMaxSize(MAX_SIZE_BYTES);
            s.enable("jdk.GarbageCollection");
            s.enable("jdk.GCHeapSummary");
            s.onEvent("jdk.GarbageCollection", e -> ring.publish(RecordType.GC, 0, 0, nanos(e, "sumOfPauses"),
                nanos(e, "longestPause")));
            s.onEvent("jdk.GCHeapSummary", e -> {
                if ("After GC".equals(e.getString("when"))) {
                    ring.publish(RecordType.HEAP_AFTER_GC, 0, 0, e.getLong("heapUsed"), 0);
                }
            });
            state.accept(ON);
            s.start();
        } catch (final RuntimeException | Error ex) {
            final boolean stopping = isClosed() || jvmIsExiting();
            state.accept(stopping ? STOPPED : UNAVAILABLE + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            close();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** A JVM that exits while the stream is being set up makes JFR refuse; that is no failure to report. */
    private static boolean jvmIsExiting() {
        final Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (final IllegalStateException exiting) {
            return true;
        }
    }

    private static long nanos(final RecordedEvent event, final String field) {
        final Duration d = event.getDuration(field);
        return d == null ? 0 : d.toNanos();
    }

    /** Stops the stream; its thread ends. */
    @Override
    public void close() {
        final RecordingStream s;
        synchronized (this) {
            closed = true;
            s = stream;
        }
        if (s != null) {
            s.close();
        }
    }
}
