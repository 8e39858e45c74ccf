package io.helixagent.core.engine;

import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.detect.DetectionContext;
import io.helixagent.core.detect.Detector;
import io.helixagent.core.detect.Evaluation;
import io.helixagent.core.detect.FindingTracker;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.report.Finding;
import io.helixagent.core.report.Report;
import io.helixagent.core.subject.SubjectRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * The consumer side of the pipeline: hands each record to the {@link Feature} that owns its type, and once
 * per tick lets the features sample, runs the detectors, updates the findings and publishes a report
 * snapshot.
 * <p>
 * Threading: {@link #onMessage} and {@link #tick} run on the pipeline thread only, so features need no
 * synchronisation. Other threads (JMX, the CLI, the shutdown hook) read {@link #latestReport}, a volatile
 * immutable snapshot, and hand in new settings through {@link #reconfigure}, applied at the next tick.
 */
public final class Engine implements MessageHandler, DetectionContext {
    private static final int MAX_RECORD_TYPE = 256;
    private static final int EXPUNGE_EVERY_TICKS = 10;
    private static final int PIPELINE_HISTORY_SECONDS = 60;
    /** Seconds of history every aggregate keeps whatever the detectors read: reports show 10 s figures. */
    private static final int MIN_HISTORY_SECONDS = 10;

    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final DetectorCatalog catalog;
    private final List<Feature> features;
    private final Feature[] featureByType = new Feature[MAX_RECORD_TYPE];
    private final PipelineAggregate pipeline = new PipelineAggregate(PIPELINE_HISTORY_SECONDS);
    private final FindingTracker tracker = new FindingTracker(5, 500);
    private final ReportAssembler assembler;
    private final List<Consumer<Finding>> findingListeners = new CopyOnWriteArrayList<>();
    private volatile Config pendingConfig;
    private volatile Report latest;
    private List<Detector> detectors;
    private long ticks;
    private long tickMillis;

    /**
     * @param config   the settings.
     * @param info     facts about the agent and the JVM.
     * @param ring     the buffer the probes write to.
     * @param subjects the registry the probes register host objects in.
     * @param catalog  the detectors that exist.
     * @param features the areas watched; each record type belongs to one of them.
     */
    public Engine(final Config config, final RuntimeInfo info, final RecordRing ring, final SubjectRegistry subjects,
                  final DetectorCatalog catalog, final List<Feature> features) {
        this.ring = ring;
        this.subjects = subjects;
        this.catalog = catalog;
        this.features = List.copyOf(features);
        for (final Feature feature : features) {
            for (final int type : feature.recordTypes()) {
                if (featureByType[type] != null) {
                    throw new IllegalArgumentException("record type " + type + " claimed twice");
                }
                featureByType[type] = feature;
            }
        }
        this.assembler = new ReportAssembler(info);
        enableDetectors(config);
        this.latest = assembler.assemble(info.agentStarted(), List.of(), new ReportParts(), ring);
    }

    /** Sets new settings; the pipeline thread applies them at its next tick. */
    public void reconfigure(final Config config) {
        pendingConfig = config;
    }

    /** Listens for findings that open, escalate or close; called on the pipeline thread. */
    public void addFindingListener(final Consumer<Finding> listener) {
        findingListeners.add(listener);
    }

    private void enableDetectors(final Config config) {
        detectors = catalog.enabled(config);
        int seconds = MIN_HISTORY_SECONDS;
        for (final Detector detector : detectors) {
            seconds = Math.max(seconds, detector.windowSeconds());
        }
        for (final Feature feature : features) {
            feature.historySeconds(seconds);
        }
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length) {
        final Feature feature = type < MAX_RECORD_TYPE ? featureByType[type] : null;
        if (feature != null) {
            feature.onRecord(type, buffer, index);
        }
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
            enableDetectors(config);
        }
        tickMillis = now.toEpochMilli();
        if (++ticks % EXPUNGE_EVERY_TICKS == 0) {
            subjects.expunge();
        }
        for (final Feature feature : features) {
            feature.onTick(now.toEpochMilli());
        }
        pipeline.onSample(ring.produced(), ring.dropped(),
            (double) ring.inFlight() * RecordLayout.RECORD_SIZE / ring.capacityBytes());
        final List<Evaluation> evaluations = new ArrayList<>();
        for (final Detector detector : detectors) {
            detector.evaluate(this, evaluations);
        }
        for (final Finding changed : tracker.update(evaluations, now)) {
            for (final Consumer<Finding> listener : findingListeners) {
                listener.accept(changed);
            }
        }
        final ReportParts parts = new ReportParts();
        for (final Feature feature : features) {
            feature.contribute(parts);
        }
        final Report report = assembler.assemble(now, tracker.findings(), parts, ring);
        latest = report;
        for (final Feature feature : features) {
            feature.afterTick();
        }
        pipeline.rotate();
        return report;
    }

    /** @return the latest report snapshot; any thread. */
    public Report latestReport() {
        return latest;
    }

    @Override
    public <T extends Feature> T feature(final Class<T> type) {
        for (final Feature feature : features) {
            if (type.isInstance(feature)) {
                return type.cast(feature);
            }
        }
        return null;
    }

    @Override
    public long nowMillis() {
        return tickMillis;
    }

    @Override
    public PipelineAggregate pipeline() {
        return pipeline;
    }
}
