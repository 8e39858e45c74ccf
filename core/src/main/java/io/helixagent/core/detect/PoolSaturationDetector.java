package io.helixagent.core.detect;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.ExecutorFeature;
import io.helixagent.core.stats.LatencyHistogram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code pool.saturation}: a worker pool that cannot keep up (the guide's "worker pool queue full"):
 * {@code ThreadPoolExecutor} and its subclasses, and {@code ForkJoinPool} (whose queue is unbounded and whose
 * maximum is its parallelism).
 * <p>
 * Three signals, each scored on the shared scale, the worst one wins:
 * <ul>
 *   <li>queue fill: mean of queued / capacity over the window, for bounded queues;</li>
 *   <li>rejections per second, whatever the {@code RejectedExecutionHandler} does with them;</li>
 *   <li>queue wait against run time: p90 wait / p90 run, once p90 wait exceeds {@code wait.min}, which
 *       catches pools with unbounded queues whose tasks wait far longer than they run.</li>
 * </ul>
 * A pool whose threads are all busy with an empty queue is working at capacity, not saturated: that is
 * evidence, not a signal. A pool that has been shut down is no longer judged.
 */
public final class PoolSaturationDetector implements Detector {
    /** The detector id. */
    public static final String ID = "pool.saturation";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = WindowSetting.key(P, "10s", "the signals look");
    static final Limits QUEUE = Limits.ratio(P + "queue", "mean queue fill of bounded queues", "0.5", "0.8",
        "0.95");
    static final Limits REJECTED = Limits.decimal(P + "rejected", "rejected tasks per second", "0.05", "0.1", "1");
    static final Limits WAIT_RATIO = Limits.decimal(P + "wait-ratio", "p90 queue wait / p90 run time", "1", "4",
        "16");
    static final ConfigKey WAIT_MIN = ConfigKey.duration(P + "wait.min", "100ms",
        "p90 queue wait below which waiting is never a signal");
    static final ConfigKey MIN_TASKS = ConfigKey.integer(P + "min.tasks", "10", 1, 1_000_000,
        "finished tasks needed in the window before wait times are judged");
    static final ConfigKey MIN_SAMPLES = ConfigKey.integer(P + "min.samples", "3", 1, 60,
        "gauge samples (seconds) needed before queue fill is judged");

    private static final List<ConfigKey> PARAMETERS = Stream.of(List.of(WINDOW), QUEUE.keys(), REJECTED.keys(),
        WAIT_RATIO.keys(), List.of(WAIT_MIN, MIN_TASKS, MIN_SAMPLES)).flatMap(List::stream).toList();

    private int windowSeconds = 10;
    private Limits.Thresholds queueLimits;
    private Limits.Thresholds rejectedLimits;
    private Limits.Thresholds waitRatioLimits;
    private long waitMinNanos;
    private int minTasks;
    private int minSamples;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return PARAMETERS;
    }

    @Override
    public void configure(final Config config) {
        windowSeconds = WindowSetting.seconds(config, WINDOW);
        queueLimits = QUEUE.read(config);
        rejectedLimits = REJECTED.read(config);
        waitRatioLimits = WAIT_RATIO.read(config);
        waitMinNanos = config.duration(WAIT_MIN).toNanos();
        minTasks = config.integer(MIN_TASKS);
        minSamples = config.integer(MIN_SAMPLES);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(ExecutorFeature.class, ExecutorFeature::pools, this::evaluate, out);
    }

    Evaluation evaluate(final ExecutorAggregate pool) {
        if (pool.isShutdown()) {
            return null;
        }
        final int seconds = Math.min(windowSeconds, pool.filledSeconds());
        final int samples = pool.queued().samples(seconds);
        final long tasks = pool.completed().sum(seconds);
        final long rejected = pool.rejected().sum(seconds);
        if (samples < minSamples && tasks < minTasks && rejected == 0) {
            return null;
        }
        final PoolFigures f = figures(pool, seconds);
        final double queueScore = samples >= minSamples && f.fill >= 0 ? queueLimits.score(f.fill) : 0;
        // a pool whose handler discards on purpose (HikariCP's connection adder) drops work by design: say so,
        // at INFO, but do not raise its rejections to a warning
        final double rejectedScore = f.policy.contains("Discard")
            ? Math.min(rejectedLimits.score(f.rejectedPerSec), Severity.WARNING_SCORE - 1)
            : rejectedLimits.score(f.rejectedPerSec);
        final double waitRatio = tasks >= minTasks && f.waitP90Nanos() >= waitMinNanos && f.runP90Nanos() > 0
            ? (double) f.waitP90Nanos / f.runP90Nanos : 0;
        final double waitScore = waitRatioLimits.score(waitRatio);
        final double score = Math.max(queueScore, Math.max(rejectedScore, waitScore));
        if (Severity.of(score) == null) {
            return null;
        }
        final String subject = pool.subject().describe();
        return new Evaluation(ID, "executor:" + pool.subject().id(), subject, score,
            "Worker pool " + pool.subject().displayName() + " is saturated",
            PoolSaturationTexts.summary(pool.subject().displayName(), f),
            evidence(f, waitRatio, seconds), PoolSaturationTexts.recommendations(f, waitRatio));
    }

    /**
     * The window's figures. Queue waits are measured where the probes could attribute them; with fewer than
     * {@code min.tasks} measured waits (the same task object queued many times over cannot be told apart), the
     * wait is estimated by Little's law: mean queue length divided by completions per second.
     */
    private PoolFigures figures(final ExecutorAggregate pool, final int seconds) {
        final double queued = pool.queued().mean(seconds);
        final double capacity = pool.queueCapacity().latest();
        final double fill = capacity > 0 && !Double.isNaN(queued) ? Math.min(1.0, queued / capacity) : -1;
        final double completedPerSec = pool.completed().sum(seconds) / (double) seconds;
        final double queueGrowthPerSec = seconds > 1
            ? Math.max(0, nonNegative(pool.queued().latest()) - nonNegative(pool.queued().oldest(seconds))) / (seconds - 1)
            : 0;
        final LatencyHistogram wait = pool.waitNanos().merged(seconds);
        final boolean measured = wait.count() >= minTasks;
        final long estimate = completedPerSec > 0 && queued > 0 ? (long) (queued / completedPerSec * 1e9) : 0;
        final LatencyHistogram run = pool.runNanos().merged(seconds);
        return new PoolFigures(fill, (int) nonNegative(pool.queued().latest()), (long) capacity,
            (int) nonNegative(pool.active().max(seconds)), (int) nonNegative(pool.maxPoolSize().latest()),
            (int) nonNegative(pool.poolSize().latest()), completedPerSec, queueGrowthPerSec,
            pool.rejected().sum(seconds) / (double) seconds, pool.rejected().total(), measured,
            measured ? wait.percentileNanos(0.5) : estimate, measured ? wait.percentileNanos(0.9) : estimate,
            measured ? wait.percentileNanos(0.99) : estimate, run.percentileNanos(0.5), run.percentileNanos(0.9),
            run.percentileNanos(0.99), run.meanNanos(), pool.rejectionPolicy(), pool.steals() >= 0);
    }

    private static double nonNegative(final double value) {
        return Double.isNaN(value) || value < 0 ? 0 : value;
    }

    private static Map<String, Object> evidence(final PoolFigures f, final double waitRatio, final int seconds) {
        final Map<String, Object> e = new LinkedHashMap<>();
        if (f.fill >= 0) {
            e.put("queueFillRatio", Numbers.round3(f.fill));
        }
        e.put("queuedTasks", f.queued);
        e.put("queueCapacity", f.capacity < 0 ? "unbounded" : f.capacity);
        e.put("activeThreads", f.active);
        e.put("maxThreads", f.maxThreads);
        e.put("poolThreads", f.threads);
        e.put("completedPerSec", Numbers.round1(f.completedPerSec));
        e.put("arrivalsPerSec", Numbers.round1(f.arrivalsPerSec()));
        e.put("rejectedPerSec", Numbers.round1(f.rejectedPerSec));
        e.put("rejectedTotal", f.rejectedTotal);
        if (f.waitMeasured()) {
            e.put("waitP50Ms", Numbers.millis(f.waitP50Nanos()));
            e.put("waitP99Ms", Numbers.millis(f.waitP99Nanos()));
        } else {
            e.put("waitEstimateMs", Numbers.millis(f.waitP50Nanos()));
        }
        e.put("runP50Ms", Numbers.millis(f.runP50Nanos));
        e.put("runP99Ms", Numbers.millis(f.runP99Nanos));
        e.put("waitToRunRatio", Numbers.round1(waitRatio));
        e.put("rejectionPolicy", f.policy);
        e.put("windowSec", seconds);
        return e;
    }

    /** The figures of one pool over the window, shared by the evidence and the texts. */
    record PoolFigures(double fill, int queued, long capacity, int active, int maxThreads, int threads,
                       double completedPerSec, double queueGrowthPerSec, double rejectedPerSec, long rejectedTotal, boolean waitMeasured,
                       long waitP50Nanos,
                       long waitP90Nanos, long waitP99Nanos, long runP50Nanos, long runP90Nanos, long runP99Nanos,
                       double runMeanNanos, String policy, boolean forkJoin) {
        /** @return tasks arriving per second: finished, rejected, and added to the queue. */
        double arrivalsPerSec() {
            return completedPerSec + rejectedPerSec + queueGrowthPerSec;
        }
    }
}
