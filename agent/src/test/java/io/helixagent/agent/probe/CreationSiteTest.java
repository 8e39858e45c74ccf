package io.helixagent.agent.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class CreationSiteTest {
    /** A pool subclass: its own constructor frames are not the creator. */
    static final class OrdersPool extends ThreadPoolExecutor {
        final String site;

        OrdersPool() {
            super(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>());
            site = CreationSite.of(this);
        }
    }

    @Test
    void shouldNameFirstApplicationFrameWhenCreatedThroughJdkFactories() {
        final Object pool = Executors.newSingleThreadExecutor();
        final String site = createdHere(pool);
        assertTrue(site.startsWith("io.helixagent.agent.probe.CreationSiteTest.createdHere(CreationSiteTest.java:"),
            site);
    }

    @Test
    void shouldSkipConstructorsOfTheObjectsOwnHierarchy() {
        final OrdersPool pool = new OrdersPool();
        final String site = pool.site;
        assertTrue(site.startsWith("io.helixagent.agent.probe.CreationSiteTest.shouldSkipConstructorsOfTheObjectsOwn"),
            site);
        pool.shutdown();
    }

    private static String createdHere(final Object pool) {
        return CreationSite.of(pool);
    }
}
