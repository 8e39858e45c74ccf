package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.ListenerAggregate;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.RegistrationSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steady growth is a leak at every severity, growth that stops is not: driven tick by tick through a real
 * {@link ListenerRegistry}, as the probes and the feature use it.
 */
class ListenersLeakDetectorTest {
    private static final String SITE = "com.acme.RequestHandler.<init>(RequestHandler.java:23)";
    private final ListenersLeakDetector detector = new ListenersLeakDetector();
    private final ListenerRegistry registry = new ListenerRegistry();
    private final RegistrationSite site = registry.site("PropertyChangeSupport", SITE);
    private final ListenerAggregate aggregate = new ListenerAggregate(site, 60);
    private final List<Object> registered = new ArrayList<>();
    private double owed;

    ListenersLeakDetectorTest() {
        detector.configure(TestConfigs.of(""));
    }

    /** One tick: {@code perSecond} new listeners (fractions carried over), {@code removals} of the oldest. */
    private Evaluation tick(final double perSecond, final int removals) {
        owed += perSecond;
        for (; owed >= 1; owed--) {
            final Object listener = new Object();
            registered.add(listener);
            registry.added(listener, site);
        }
        for (int i = 0; i < removals && !registered.isEmpty(); i++) {
            registry.removed(registered.remove(0));
        }
        registry.sweep();
        aggregate.onSample();
        final Evaluation e = detector.evaluate(aggregate);
        aggregate.rotate();
        return e;
    }

    private Evaluation ticks(final int n, final double perSecond, final int removals) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = tick(perSecond, removals);
        }
        return last;
    }

    @Test
    void shouldGoThroughEverySeverityAndBackWhenGrowthStops() {
        detector.configure(TestConfigs.of("detector.listeners.leak.window=60s"));
        assertEquals(Severity.INFO, ticks(60, 0.5, 0).severity(), "30 per minute");
        assertEquals(Severity.WARNING, ticks(60, 2, 0).severity(), "120 per minute");
        final Evaluation critical = ticks(60, 20, 0);
        assertEquals(Severity.CRITICAL, critical.severity(), "1200 per minute");
        assertEquals(1200.0, (Double) critical.evidence().get("growthPerMin"), 1e-9);
        assertNull(ticks(20, 0, 0), "no new high in the newest third of the window: the growth has stopped");
    }

    @Test
    void shouldDetectSteadyGrowthWithinTenSecondsWithDefaults() {
        int seconds = 0;
        Evaluation e = null;
        while (e == null && seconds < 30) {
            e = tick(50, 0);
            seconds++;
        }
        assertNotNull(e);
        assertTrue(seconds <= 10, "detected after " + seconds + " s");
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals("listeners:" + site.id(), e.subjectKey());
        assertEquals("PropertyChangeSupport listeners registered at " + SITE, e.subject());
        assertEquals("PropertyChangeSupport listeners registered at RequestHandler.<init> are never removed",
            e.title());
        assertEquals(List.of("container", "liveListeners", "growthPerMin", "registeredPerSec", "removedPerSec",
            "registeredTotal", "removedTotal", "collectedTotal", "trendZ", "windowSec"),
            List.copyOf(e.evidence().keySet()));
        assertEquals("PropertyChangeSupport listeners registered at " + SITE + ": " + 50 * seconds
            + " still registered, growing 3000/min over the last " + seconds + " s (50 registered/s, 0 removed/s; "
            + 50 * seconds + " registered and 0 removed so far).", e.summary());
        assertTrue(e.recommendations().get(0).startsWith("Unsubscribe when done: " + SITE + " registered "
            + 50 * seconds + " listeners and removed 0 of them; call removePropertyChangeListener(listener)"),
            e.recommendations().get(0));
    }

    @Test
    void shouldNotCallGrowThenFlatALeak() {
        final List<Evaluation> verdicts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            verdicts.add(tick(10, 0));
        }
        for (int i = 0; i < 40; i++) {
            verdicts.add(tick(0, 0));
        }
        assertTrue(verdicts.subList(20, 48).stream().allMatch(v -> v == null),
            "flat for longer than a third of the window: no leak");
        assertEquals(80, site.live());
    }

    @Test
    void shouldNeverCallOneJumpAtStartupALeak() {
        tick(500, 0);
        for (int i = 0; i < 60; i++) {
            assertNull(tick(0, 0), "tick " + i);
        }
    }

    @Test
    void shouldNotCallChurnALeakWhenEveryListenerIsRemoved() {
        for (int i = 0; i < 60; i++) {
            assertNull(tick(20, 20), "tick " + i);
        }
        assertEquals(1200, site.removed());
    }

    @Test
    void shouldIgnoreSlowNoiseBelowMinimumGrowth() {
        for (int i = 0; i < 60; i++) {
            assertNull(tick(i % 10 == 0 ? 1 : 0, 0), "tick " + i);
        }
    }
}
