package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the detector through every severity and back with synthetic pool seconds. */
class PoolSaturationDetectorTest {
    private static final long MS = 1_000_000L;
    private final PoolSaturationDetector detector = new PoolSaturationDetector();
    private final Object pool = new Object();
    private final Subject subject = new SubjectRegistry(10, () -> 0L).register(pool, "executor",
        "com.acme.Orders.start(Orders.java:42)");
    private final ExecutorAggregate aggregate = new ExecutorAggregate(subject, 10);

    PoolSaturationDetectorTest() {
        detector.configure(TestConfigs.of(""));
        subject.nameIfAbsent("order-worker");
    }

    /** One second of a pool: gauges, finished tasks with their wait and run, and rejections. */
    private Evaluation second(final int queued, final long capacity, final int tasks, final long waitNanos,
                              final long runNanos, final int rejected) {
        aggregate.onSample(queued, capacity, 4, 4, 4, "AbortPolicy");
        for (int i = 0; i < tasks; i++) {
            aggregate.onTask(waitNanos, runNanos);
        }
        for (int i = 0; i < rejected; i++) {
            aggregate.onRejected();
        }
        final Evaluation e = detector.evaluate(aggregate);
        aggregate.rotate();
        return e;
    }

    private Evaluation seconds(final int n, final int queued, final long capacity, final int tasks,
                               final long waitNanos, final long runNanos, final int rejected) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = second(queued, capacity, tasks, waitNanos, runNanos, rejected);
        }
        return last;
    }

    @Test
    void shouldSayNothingWithTooLittleData() {
        assertNull(second(100, 100, 0, 0, 0, 0), "one gauge sample is not enough to judge");
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        assertNull(seconds(10, 10, 100, 50, MS, 10 * MS, 0), "10% fill, short waits: healthy");

        final Evaluation warning = seconds(10, 85, 100, 50, MS, 10 * MS, 0);
        assertEquals(Severity.WARNING, warning.severity(), warning.toString());
        assertEquals(0.85, (Double) warning.evidence().get("queueFillRatio"), 1e-9);

        final Evaluation critical = seconds(10, 100, 100, 50, MS, 10 * MS, 5);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertEquals(5.0, critical.evidence().get("rejectedPerSec"));
        assertTrue(critical.recommendations().get(0).startsWith("Stop losing work: 5 tasks/s are rejected"),
            critical.recommendations().toString());

        assertNull(seconds(10, 5, 100, 50, MS, 10 * MS, 0), "a window without rejections and a short queue");
    }

    @Test
    void shouldFlagUnboundedQueueWhenTasksWaitFarLongerThanTheyRun() {
        final Evaluation e = seconds(5, 3000, -1, 20, 2000 * MS, 100 * MS, 0);
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals("unbounded", e.evidence().get("queueCapacity"));
        assertTrue(!e.evidence().containsKey("queueFillRatio"));
        assertTrue((Double) e.evidence().get("waitToRunRatio") > 16, e.evidence().toString());
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Bound the queue")),
            e.recommendations().toString());
    }

    @Test
    void shouldEstimateWaitByLittlesLawWhenWaitsCannotBeAttributed() {
        final Evaluation e = seconds(5, 400, -1, 20, -1, 100 * MS, 0);
        assertEquals(20_000.0, (Double) e.evidence().get("waitEstimateMs"), 1.0, "400 queued / 20 per second");
        assertTrue(!e.evidence().containsKey("waitP99Ms"));
        assertEquals(Severity.CRITICAL, e.severity());
        assertTrue(e.summary().contains("tasks wait about 20000 ms (queue length / throughput)"), e.summary());
    }

    @Test
    void shouldIgnoreShortWaitsEvenWhenLongerThanRunTime() {
        assertNull(seconds(5, 0, -1, 100, 50 * MS, MS, 0), "50 ms waits stay under wait.min");
    }

    @Test
    void shouldKeepRejectionsOfADiscardingHandlerAtInfo() {
        Evaluation e = null;
        for (int i = 0; i < 10; i++) {
            aggregate.onSample(0, 100, 1, 4, 4, "DiscardOldestPolicy");
            for (int r = 0; r < 20; r++) {
                aggregate.onRejected();
            }
            e = detector.evaluate(aggregate);
            aggregate.rotate();
        }
        assertEquals(Severity.INFO, e.severity(), "20 discards a second, by the pool's own choice");
        assertEquals(20.0, e.evidence().get("rejectedPerSec"));
    }

    @Test
    void shouldNotJudgePoolsThatAreShutDown() {
        seconds(3, 100, 100, 50, MS, 10 * MS, 5);
        aggregate.onShutdown();
        assertNull(second(100, 100, 0, 0, 0, 5));
    }

    @Test
    void shouldWriteSummaryWithTheNumbersOfTheEvidence() {
        final Evaluation e = seconds(3, 50, 50, 10, 3000 * MS, 200 * MS, 30);
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Increase the worker count: all 4 threads")),
            e.recommendations().toString());
        assertEquals("order-worker (created at com.acme.Orders.start(Orders.java:42))", e.subject());
        assertEquals("Worker pool order-worker is saturated", e.title());
        final Map<String, Object> ev = e.evidence();
        assertEquals(30.0, ev.get("rejectedPerSec"));
        assertEquals("Worker pool order-worker: queue 100% full (50/50), 4/4 threads busy, 30 tasks/s rejected; "
            + "tasks wait " + Numbers.plain((Double) ev.get("waitP99Ms")) + " ms and run "
            + Numbers.plain((Double) ev.get("runP99Ms")) + " ms (p99).", e.summary());
        assertEquals(3000, (Double) ev.get("waitP99Ms"), 3000 * 0.07);
        assertEquals(List.of("queueFillRatio", "queuedTasks", "queueCapacity", "activeThreads", "maxThreads",
            "poolThreads", "completedPerSec", "arrivalsPerSec", "rejectedPerSec", "rejectedTotal", "waitP50Ms", "waitP99Ms", "runP50Ms",
            "runP99Ms", "waitToRunRatio", "rejectionPolicy", "windowSec"), List.copyOf(ev.keySet()));
    }

    @Test
    void shouldHonourConfiguredThresholds() {
        detector.configure(TestConfigs.of("detector.pool.saturation.queue.warning=0.9,"
            + "detector.pool.saturation.queue.critical=0.99"));
        assertEquals(Severity.INFO, seconds(5, 85, 100, 50, MS, 10 * MS, 0).severity());
    }
}
