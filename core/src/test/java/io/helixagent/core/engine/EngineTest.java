package io.helixagent.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.detect.Severity;
import io.helixagent.core.detect.TestConfigs;
import io.helixagent.core.feature.ExecutorFeature;
import io.helixagent.core.feature.JvmFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.Finding;
import io.helixagent.core.report.Report;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer side end to end: records and a real, saturated pool in, findings and reports out. */
class EngineTest {
    private final RecordRing ring = new RecordRing(1 << 16);
    private final SubjectRegistry subjects = new SubjectRegistry(100, System::currentTimeMillis);
    private final RuntimeInfo info = new RuntimeInfo("test", "premain", Instant.EPOCH, 1, "app", "Main", "17",
        "vendor", Instant.EPOCH, 1 << 30, 2);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Engine engine = engine(ring);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(4));

    @AfterEach
    void stopPool() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void shouldReportSaturatedPoolFromRecordsAndSamples() {
        for (int i = 0; i < 5; i++) {
            pool.execute(this::blockUntilReleased);
        }
        final Subject subject = subjects.register(pool, ExecutorFeature.KIND, "Test.make(Test.java:1)");
        subject.nameIfAbsent("orders");
        final List<Finding> changes = new ArrayList<>();
        engine.addFindingListener(changes::add);
        Report report = null;
        for (int second = 1; second <= 4; second++) {
            for (int r = 0; r < 3; r++) {
                ring.publish(RecordType.EXECUTOR_REJECTED, subject.id(), 0, 0, 0);
            }
            ring.drain(engine, 1000);
            report = engine.tick(Instant.ofEpochSecond(second));
        }
        final Finding finding = report.findings().get(0);
        assertEquals("pool.saturation", finding.detector());
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals("orders (created at Test.make(Test.java:1))", finding.subject());
        assertEquals(1.0, finding.evidence().get("queueFillRatio"));
        assertEquals(3.0, finding.evidence().get("rejectedPerSec"));
        assertEquals(1, changes.size(), "one change: the finding opened as CRITICAL");
        assertEquals(1, report.subjects().size());
        assertEquals(4L, report.subjects().get(0).metrics().get("queuedTasks"));
        assertEquals(12L, report.pipeline().get("produced"));
        assertEquals(12L, report.pipeline().get("delivered"));
        assertEquals(0L, report.pipeline().get("dropped"));
        assertTrue(report.timeline().containsKey("series"));
        assertEquals(4.0, meters.get("executor.queued").tag("name", "orders").gauge().value());
        assertEquals(1.0, meters.get("executor.pool.max").tag("name", "orders").gauge().value());
        assertEquals(12.0, meters.get("executor.rejected").tag("name", "orders").functionCounter().count());
    }

    @Test
    void shouldRaiseAgentOverloadWhenRecordsAreDropped() {
        final RecordRing tiny = new RecordRing(1024);
        final Engine small = engine(tiny);
        for (int i = 0; i < 100; i++) {
            tiny.publish(RecordType.TEST, 0, 0, 0, 0);
        }
        tiny.drain(small, 1000);
        final Report report = small.tick(Instant.ofEpochSecond(1));
        final Finding finding = report.findings().get(0);
        assertEquals("agent.overload", finding.detector());
        assertEquals(Severity.CRITICAL, finding.severity());
        assertEquals(68L, finding.evidence().get("droppedRecords"));
        assertEquals(100L, report.pipeline().get("produced"));
    }

    private Engine engine(final RecordRing records) {
        return new Engine(TestConfigs.of(""), info, records, subjects, DetectorCatalog.standard(),
            List.of(new ExecutorFeature(subjects, meters), new JvmFeature()));
    }

    private void blockUntilReleased() {
        try {
            release.await();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
