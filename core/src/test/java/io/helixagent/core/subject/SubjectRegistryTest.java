package io.helixagent.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectRegistryTest {
    private final SubjectRegistry registry = new SubjectRegistry(100, () -> 1234L);

    @Test
    void shouldReturnSameSubjectWhenRegisteredTwice() {
        final Object pool = new Object();
        final Subject first = registry.register(pool, "executor", "A.b(A.java:1)");
        final Subject second = registry.register(pool, "executor", "other");
        assertSame(first, second);
        assertEquals(first.id(), registry.idOf(pool));
        assertEquals("A.b(A.java:1)", first.creationSite());
        assertEquals(1234L, first.createdAtMillis());
    }

    @Test
    void shouldFindEveryObjectWhenTableGrows() {
        final List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            final Object o = new Object();
            objects.add(o);
            registry.register(o, "executor", "site");
        }
        for (final Object o : objects) {
            assertNotEquals(SubjectRegistry.UNKNOWN, registry.idOf(o));
        }
        assertEquals(SubjectRegistry.UNKNOWN, registry.idOf(new Object()));
    }

    @Test
    void shouldNotTrackBeyondCapWhenFull() {
        for (int i = 0; i < 100; i++) {
            registry.register(new Object[] {i}, "executor", "site");
        }
        assertNull(registry.register(new Object(), "executor", "site"));
        assertEquals(1, registry.untracked());
    }

    @Test
    void shouldNotKeepHostObjectsAliveAndForgetThemWhenCollected() throws InterruptedException {
        Object pool = new Object();
        final Subject subject = registry.register(pool, "executor", "site");
        final int id = subject.id();
        final WeakReference<Object> probe = new WeakReference<>(pool);
        pool = null;
        for (int i = 0; i < 50 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(probe.get(), "the registry must not keep the object alive");
        assertTrue(registry.expunge().contains(id));
        assertNull(registry.get(id));
        assertTrue(registry.live("executor").isEmpty());
    }

    @Test
    void shouldDescribeByNameOnceKnown() {
        final Subject s = registry.register(new StringBuilder(), "executor", "Main.main(Main.java:3)");
        assertEquals("StringBuilder#" + s.id() + " (created at Main.main(Main.java:3))", s.describe());
        s.nameIfAbsent("order-worker");
        s.nameIfAbsent("ignored");
        assertEquals("order-worker (created at Main.main(Main.java:3))", s.describe());
    }
}
