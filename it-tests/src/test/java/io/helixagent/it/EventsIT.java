package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event publishers and listener registrations with the real libraries (Guava 33, Disruptor 4, the JDK's
 * {@code SubmissionPublisher} and {@code PropertyChangeSupport}), {@code -javaagent} on every JDK of the matrix:
 * each sample's finding with its subject and numbers, detected within 10 s of the start with default settings.
 */
class EventsIT {
    private static final String SAMPLES = "io.helixagent.samples.";
    private static final Duration DETECTION = Duration.ofSeconds(10);

    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    /**
     * One sample's run: its report, and when its symptom began (the {@code onset} line the sample prints).
     *
     * @param report the report written at exit.
     * @param onset  when the symptom began.
     */
    private record SampleRun(ReportJson report, Instant onset) {
    }

    /** Runs a sample for 12 s with the agent and returns its report and onset, checking the run was clean. */
    private static SampleRun run(final Jdk jdk, final String sample) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, SAMPLES + sample).withAgent("report.interval=0")
            .args("--seconds", "12").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(90)), host.output());
            assertEquals("", host.stderr(), "neither the agent nor the libraries may complain");
            final Instant onset = Instant.parse(host.stdout().lines().filter(l -> l.startsWith("onset "))
                .findFirst().orElseThrow(() -> new AssertionError("no onset line: " + host.output()))
                .substring("onset ".length()));
            return new SampleRun(ReportJson.in(host.workDir().resolve("helix-reports")), onset);
        }
    }

    /** @return the only finding of {@code detector}, after checking it opened within 10 s of the symptom's onset. */
    private static Map<String, Object> onlyFinding(final SampleRun run, final String detector) {
        final List<Map<String, Object>> findings = run.report().findings(detector);
        assertEquals(1, findings.size(), run.report().findings().toString());
        final Map<String, Object> finding = findings.get(0);
        assertDetectedInTime(run, finding);
        return finding;
    }

    private static void assertDetectedInTime(final SampleRun run, final Map<String, Object> finding) {
        final Duration after = Duration.between(run.onset(), Instant.parse((String) finding.get("firstSeen")));
        assertTrue(after.compareTo(DETECTION) <= 0, "detected " + after + " after onset: " + finding);
    }

    private static Map<?, ?> slowestSubscriber(final Map<String, Object> evidence) {
        return (Map<?, ?>) ((List<?>) evidence.get("slowestSubscribers")).get(0);
    }

    private static void assertBetween(final double low, final Object value, final double high, final Object context) {
        final double v = ((Number) value).doubleValue();
        assertTrue(v >= low && v <= high, value + " not in [" + low + ", " + high + "]: " + context);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportGuavaBusThatDropsEventsWithItsSlowestSubscriber(final Jdk jdk) throws Exception {
        final SampleRun run = run(jdk, "EventBusBackpressureSample");
        final ReportJson report = run.report();
        final Map<String, Object> finding = onlyFinding(run, "eventbus.backpressure");
        assertEquals("CRITICAL", finding.get("severity"));
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith("orders (created at " + SAMPLES
            + "EventBusBackpressureSample.main(EventBusBackpressureSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals("async-eventbus", evidence.get("kind"));
        assertBetween(20, evidence.get("droppedPerSec"), 200, evidence);
        final Map<?, ?> slowest = slowestSubscriber(evidence);
        assertEquals(SAMPLES + "EventBusBackpressureSample$AuditLog.onOrder", slowest.get("subscriber"));
        assertBetween(20, slowest.get("handleP50Ms"), 60, evidence);
        assertTrue(((List<?>) finding.get("recommendations")).get(0).toString().startsWith("Stop losing events"));
        PremainIT.assertSchema(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportSubmissionPublisherThatDropsOffers(final Jdk jdk) throws Exception {
        final SampleRun run = run(jdk, "FlowBackpressureSample");
        final ReportJson report = run.report();
        final Map<String, Object> finding = onlyFinding(run, "eventbus.backpressure");
        assertEquals("CRITICAL", finding.get("severity"));
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith("SubmissionPublisher#"), subject);
        assertTrue(subject.contains("(created at " + SAMPLES
            + "FlowBackpressureSample.main(FlowBackpressureSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals(64.0, evidence.get("bufferCapacity"));
        assertBetween(300, evidence.get("droppedPerSec"), 1000, evidence);
        assertBetween(0.8, evidence.get("lagRatio"), 1, evidence);
        final Map<?, ?> slowest = slowestSubscriber(evidence);
        assertEquals(SAMPLES + "FlowBackpressureSample$PriceSubscriber.onNext", slowest.get("subscriber"));
        assertBetween(4, slowest.get("handleP50Ms"), 20, evidence);
        assertTrue(((List<?>) finding.get("recommendations")).stream()
            .anyMatch(r -> r.toString().startsWith("Increase the buffer size: maxBufferCapacity")), finding.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportDisruptorRingWhoseTryPublishFails(final Jdk jdk) throws Exception {
        final SampleRun run = run(jdk, "DisruptorBackpressureSample");
        final ReportJson report = run.report();
        final Map<String, Object> finding = onlyFinding(run, "eventbus.backpressure");
        assertEquals("CRITICAL", finding.get("severity"));
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith("RingBuffer#") && subject.contains("(created at " + SAMPLES
            + "DisruptorBackpressureSample.main(DisruptorBackpressureSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals("disruptor", evidence.get("kind"));
        assertEquals(256.0, evidence.get("bufferCapacity"));
        assertBetween(300, evidence.get("droppedPerSec"), 2000, evidence);
        assertBetween(200, evidence.get("maxLag"), 256, evidence);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldNameTheCodeThatRegistersListenersAndNeverRemovesThem(final Jdk jdk) throws Exception {
        final SampleRun run = run(jdk, "ListenerLeakSample");
        final ReportJson report = run.report();
        final List<Map<String, Object>> findings = report.findings("listeners.leak");
        assertEquals(3, findings.size(), findings.toString());
        for (final String container : List.of("PropertyChangeSupport", "EventBus", "SubmissionPublisher")) {
            final Map<String, Object> finding = findings.stream()
                .filter(f -> f.get("subject").toString().startsWith(container + " ")).findFirst().orElseThrow();
            assertEquals("CRITICAL", finding.get("severity"));
            assertTrue(finding.get("subject").toString().startsWith(container + " listeners registered at " + SAMPLES
                + "ListenerLeakSample$RequestHandler.<init>(ListenerLeakSample.java:"), finding.toString());
            assertDetectedInTime(run, finding);
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertEquals(container, evidence.get("container"));
            assertBetween(1500, evidence.get("growthPerMin"), 3100, evidence);
            assertEquals(0.0, evidence.get("removedTotal"));
            assertBetween(300, evidence.get("liveListeners"), 700, evidence);
        }
        assertTrue(report.findings().stream().noneMatch(f -> f.get("subject").toString().contains("AuditedRequest")),
            "the component that removes its listeners and cancels its subscriptions does not leak");
    }
}
