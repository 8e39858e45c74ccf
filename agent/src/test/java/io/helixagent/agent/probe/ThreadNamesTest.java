package io.helixagent.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadNamesTest {
    @Test
    void shouldStripTrailingCounterAndSeparators() {
        assertEquals("pool-1-thread", ThreadNames.prefixOf("pool-1-thread-3"));
        assertEquals("http-nio-8080-exec", ThreadNames.prefixOf("http-nio-8080-exec-10"));
        assertEquals("order-worker", ThreadNames.prefixOf("order-worker-1"));
        assertEquals("worker", ThreadNames.prefixOf("worker#12"));
        assertEquals("main", ThreadNames.prefixOf("main"));
        assertEquals("123", ThreadNames.prefixOf("123"));
    }
}
