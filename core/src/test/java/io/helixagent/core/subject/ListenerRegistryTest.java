package io.helixagent.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registrations charged to their site, removals found by identity, nothing held strongly. */
class ListenerRegistryTest {
    private final ListenerRegistry registry = new ListenerRegistry();
    private final RegistrationSite handler = registry.site("PropertyChangeSupport", "Handler.<init>(Handler.java:9)");
    private final RegistrationSite audit = registry.site("PropertyChangeSupport", "Audit.run(Audit.java:3)");

    @Test
    void shouldChargeRemovalsToTheRegisteringSite() {
        final List<Object> listeners = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            final Object listener = new Object();
            listeners.add(listener);
            registry.added(listener, i % 4 == 0 ? audit : handler);
        }
        for (int i = 0; i < 100; i += 4) {
            registry.removed(listeners.get(i));
        }
        registry.sweep();
        assertEquals(75, handler.live());
        assertEquals(75, handler.added());
        assertEquals(0, handler.removed());
        assertEquals(0, audit.live());
        assertEquals(25, audit.removed());
    }

    @Test
    void shouldCountListenerRegisteredTwiceUntilRemovedTwice() {
        final Object listener = new Object();
        registry.added(listener, handler);
        registry.added(listener, handler);
        registry.removed(listener);
        registry.sweep();
        assertEquals(1, handler.live());
        registry.removed(listener);
        registry.removed(listener);
        registry.sweep();
        assertEquals(0, handler.live());
        assertEquals(2, handler.removed(), "a removal of something no longer registered is ignored");
    }

    @Test
    void shouldIgnoreRemovalOfListenerItNeverSaw() {
        registry.removed(new Object());
        registry.sweep();
        assertEquals(0, handler.removed());
    }

    @Test
    void shouldReuseSitesAndKeepContainersApart() {
        assertSame(handler, registry.site("PropertyChangeSupport", "Handler.<init>(Handler.java:9)"));
        final RegistrationSite bus = registry.site("EventBus", "Handler.<init>(Handler.java:9)");
        assertEquals("EventBus", bus.container());
        assertEquals(List.of(handler, audit, bus), registry.sweep());
    }

    @Test
    void shouldForgetListenersCollectedWhileRegistered() throws InterruptedException {
        registerGarbage(50);
        for (int attempt = 0; attempt < 50 && handler.collected() < 50; attempt++) {
            System.gc();
            Thread.sleep(20);
            registry.sweep();
        }
        assertEquals(50, handler.collected(), "their container went away with them: not live");
        assertEquals(0, handler.live());
    }

    private void registerGarbage(final int count) {
        for (int i = 0; i < count; i++) {
            registry.added(new Object(), handler);
        }
    }

    @Test
    void shouldStopCreatingSitesAtItsCap() {
        RegistrationSite last = null;
        for (int i = 0; i < 1100; i++) {
            last = registry.site("EventBus", "Site.m(Site.java:" + i + ")");
        }
        assertNull(last);
    }
}
