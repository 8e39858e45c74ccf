package io.helixagent.core.engine;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.detect.DetectionContext;
import io.helixagent.core.detect.Detector;
import io.helixagent.core.detect.Evaluation;
import io.helixagent.core.detect.FindingTracker;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.Finding;
import io.helixagent.core.report.Report;
import io.helixagent.core.sample.ExecutorSampler;
import io.helixagent.core.sample.JvmSample;
import io.helixagent.core.sample.JvmSampler;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.MessageHandler;

/**
 * The consumer side of the pipeline: folds records into per-subject aggregates, and once per tick samples
 * the pools and the JVM, runs the detectors, updates the findings and publishes a report snapshot.
 * <p>
 * Threading: {@link #onMessage} and {@link #tick} run on the pipeline thread only, so aggregates need no
 * synchronisation. Other threads (JMX, the CLI, the shutdown hook) read {@link #latestReport}, a volatile
 * immutable snapshot, and hand in new settings through {@link #reconfigure}, applied at the next tick.
 */
public final class Engine implements MessageHandler, DetectionContext {
    /** Executor subjects are registered with this kind. */
    public static final String EXECUTOR = "executor";
    private static final int EXPUNGE_EVERY_TICKS = 10;
    /** Seconds of history every aggregate keeps, whatever the detectors need: the report's figures use 10 s. */
    private static final int MIN_HISTORY_SECONDS = 10;

    private final RuntimeInfo info;
    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final DetectorCatalog catalog;
    private final JvmSampler jvmSampler = new JvmSampler();
    private final Int2ObjectHashMap<ExecutorAggregate> executors = new Int2ObjectHashMap<>();
    private final PipelineAggregate pipeline = new PipelineAggregate(60);
    private final GcTotals gc = new GcTotals();
    private final FindingTracker tracker = new FindingTracker(5, 500);
    private final ReportAssembler assembler;
    private final List<Consumer<Finding>> findingListeners = new CopyOnWriteArrayList<>();
    private volatile Config pendingConfig;
    private volatile Report latest;
    private volatile String jfrState = "off";
    private List<Detector> detectors;
    private int executorSlots;
    private long ticks;

    /**
     * @param config   the settings.
     * @param info     facts about the agent and the JVM.
     * @param ring     the buffer the probes write to.
     * @param subjects the registry the probes register host objects in.
     * @param catalog  the detectors that exist.
     */
    public Engine(final Config config, final RuntimeInfo info, final RecordRing ring, final SubjectRegistry subjects,
                  final DetectorCatalog catalog) {
        this.info = info;
        this.ring = ring;
        this.subjects = subjects;
        this.catalog = catalog;
        this.assembler = new ReportAssembler(info, info.agentStarted().toEpochMilli());
        applyConfig(config);
        this.latest = assembler.assemble(info.agentStarted(), this, List.of(), jvmSampler.sample(), gc, jfrState);
    }

    private void applyConfig(final Config config) {
        detectors = catalog.enabled(config);
        executorSlots = MIN_HISTORY_SECONDS;
        for (final Detector detector : detectors) {
            executorSlots = Math.max(executorSlots, detector.windowSeconds());
        }
    }

    /** Sets new settings; the pipeline thread applies them at its next tick. */
    public void reconfigure(final Config config) {
        pendingConfig = config;
    }

    /** Sets how the JFR stream is doing, for the report's {@code system} section. */
    public void jfrState(final String state) {
        jfrState = state;
    }

    /** Listens for findings that open, escalate or close; called on the pipeline thread. */
    public void addFindingListener(final Consumer<Finding> listener) {
        findingListeners.add(listener);
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length) {
        switch (type) {
            case RecordType.EXECUTOR_TASK -> {
                final ExecutorAggregate pool = executor(RecordLayout.subject(buffer, index));
                if (pool != null) {
                    pool.onTask(RecordLayout.a(buffer, index), RecordLayout.b(buffer, index));
                }
            }
            case RecordType.EXECUTOR_REJECTED -> {
                final ExecutorAggregate pool = executor(RecordLayout.subject(buffer, index));
                if (pool != null) {
                    pool.onRejected();
                }
            }
            case RecordType.GC -> gc.onCollection(RecordLayout.a(buffer, index), RecordLayout.b(buffer, index));
            case RecordType.HEAP_AFTER_GC -> gc.onHeapAfterGc(RecordLayout.a(buffer, index));
            default -> {
                // TEST records and types of newer probes carry nothing for this engine
            }
        }
    }

    private ExecutorAggregate executor(final int subjectId) {
        ExecutorAggregate pool = executors.get(subjectId);
        if (pool == null) {
            final Subject subject = subjects.get(subjectId);
            if (subject == null) {
                return null;
            }
            pool = new ExecutorAggregate(subject, executorSlots);
            executors.put(subjectId, pool);
        }
        return pool;
    }

    /**
     * One tick: sample, detect, publish. Pipeline thread only.
     *
     * @return the new report snapshot.
     */
    public Report tick(final Instant now) {
        final Config config = pendingConfig;
        if (config != null) {
            pendingConfig = null;
            applyConfig(config);
        }
        if (++ticks % EXPUNGE_EVERY_TICKS == 0) {
            for (final Integer gone : subjects.expunge()) {
                executors.remove(gone.intValue());
            }
        }
        for (final Subject subject : subjects.live(EXECUTOR)) {
            final Object pool = subject.get();
            final ExecutorAggregate aggregate = executor(subject.id());
            if (pool != null && aggregate != null) {
                ExecutorSampler.sample(pool, aggregate);
            }
        }
        pipeline.onSample(ring.produced(), ring.dropped(),
            (double) ring.inFlight() * RecordLayout.RECORD_SIZE / ring.capacityBytes());
        final JvmSample jvm = jvmSampler.sample();
        final List<Evaluation> evaluations = new ArrayList<>();
        for (final Detector detector : detectors) {
            detector.evaluate(this, evaluations);
        }
        for (final Finding changed : tracker.update(evaluations, now)) {
            for (final Consumer<Finding> listener : findingListeners) {
                listener.accept(changed);
            }
        }
        final Report report = assembler.assemble(now, this, tracker.findings(), jvm, gc, jfrState);
        latest = report;
        for (final ExecutorAggregate pool : executors.values()) {
            pool.rotate();
        }
        pipeline.rotate();
        return report;
    }

    /** @return the latest report snapshot; any thread. */
    public Report latestReport() {
        return latest;
    }

    /** @return the facts this engine was built with. */
    public RuntimeInfo info() {
        return info;
    }

    /** @return the ring the probes write to. */
    public RecordRing ring() {
        return ring;
    }

    @Override
    public Collection<ExecutorAggregate> executors() {
        return executors.values();
    }

    @Override
    public PipelineAggregate pipeline() {
        return pipeline;
    }
}
