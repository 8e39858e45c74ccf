package io.helixagent.testapp;

import io.helixagent.agent.probe.CreationSite;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Application code, outside the agent's packages, that creates pools the way hosts do. */
public final class OrdersPool extends ThreadPoolExecutor {
    /** Where {@link CreationSite} placed this pool's creation, computed in the constructor as the probe does. */
    public final String site;

    private OrdersPool() {
        super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        site = CreationSite.of(this);
    }

    /** @return a pool subclass created here. */
    public static OrdersPool create() {
        return new OrdersPool();
    }

    /** @return the creation site of a pool made through a JDK factory here. */
    public static String siteOfFactoryPool() {
        final ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        try {
            return CreationSite.of(pool);
        } finally {
            pool.shutdown();
        }
    }
}
