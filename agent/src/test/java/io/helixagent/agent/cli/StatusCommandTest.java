package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helixagent.agent.jmx.FindingView;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private static final String HEADER = "helix-agent 1.2.3 in JVM 4242\n"
        + "attach mode:          dynamic\n"
        + "events:               1200 produced, 3 dropped\n"
        + "instrumented classes: 4\n"
        + "\n";

    @Test
    void shouldSayNoActiveFindingsWhenThereAreNone() {
        assertEquals(new CapturedRun(0, HEADER + "no active findings\n", ""),
            CapturedRun.on(FakeTarget.withAgent(), "status", "4242"));
    }

    @Test
    void shouldListActiveFindingsWithLongCellsCutWhenThereAreSome() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.activeFindings = new FindingView[] {
            FakeAgent.finding("CRITICAL", "pool.saturation", "order-worker (created at Shop.start(Shop.java:42))",
                "Queue of order-worker is 97% full and 12.5 tasks/s are rejected."),
            FakeAgent.finding("WARNING", "cache.hit-rate", "product-cache (created at"
                + " com.example.catalog.ProductCatalog.init(ProductCatalog.java:88))",
                "Hit rate 41%\nover 1200 gets/s."),
        };
        assertEquals(new CapturedRun(0, HEADER + "2 active findings:\n"
            + "SEVERITY  DETECTOR         SUBJECT                                                   SUMMARY\n"
            + "CRITICAL  pool.saturation  order-worker (created at Shop.start(Shop.java:42))        Queue of"
            + " order-worker is 97% full and 12.5 tasks/s are rejected.\n"
            + "WARNING   cache.hit-rate   product-cache (created at com.example.catalog.Product...  Hit rate 41%"
            + " over 1200 gets/s.\n", ""), CapturedRun.on(target, "status", "4242"));
    }

    @Test
    void shouldUseSingularWhenOneFindingIsActive() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.activeFindings = new FindingView[] {FakeAgent.finding("INFO", "gc.overhead", "heap", "GC 6%.")};
        assertEquals(new CapturedRun(0, HEADER + "1 active finding:\n"
            + "SEVERITY  DETECTOR     SUBJECT  SUMMARY\n"
            + "INFO      gc.overhead  heap     GC 6%.\n", ""), CapturedRun.on(target, "status", "4242"));
    }
}
