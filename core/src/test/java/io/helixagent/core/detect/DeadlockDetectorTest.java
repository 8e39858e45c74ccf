package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.feature.DeadlockFeature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlockDetectorTest {
    private static Map<String, Object> thread(final String name, final String waits, final String holder) {
        return Map.of("thread", name, "state", "BLOCKED", "waitsFor", waits, "heldBy", holder, "holds", List.of(),
            "stack", List.of("com.acme.Bank.transfer(Bank.java:" + name.length() + ")"));
    }

    @Test
    void shouldBeCriticalAndNameEveryThreadLockAndFrame() {
        final Evaluation e = DeadlockDetector.evaluation(new DeadlockFeature.Deadlock("[12, 13]", List.of(
            thread("a-to-b", "java.lang.Object@1f", "b-to-a"), thread("b-to-a", "java.lang.Object@2e", "a-to-b"))));
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals("deadlock of 'a-to-b', 'b-to-a'", e.subject());
        assertEquals("[12, 13]", e.subjectKey());
        assertEquals("2 threads ('a-to-b', 'b-to-a') wait for each other's locks (java.lang.Object@1f, "
            + "java.lang.Object@2e) and will never continue; a-to-b waits in com.acme.Bank.transfer(Bank.java:6).",
            e.summary());
        assertEquals(2, e.evidence().get("threadCount"));
        assertTrue(e.recommendations().get(1).startsWith("Take the locks in one global order everywhere"));
    }
}
