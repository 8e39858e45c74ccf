package io.helixagent.agent.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.testapp.OrdersPool;
import io.helixagent.testapp.SettingsBean;
import org.junit.jupiter.api.Test;

class CreationSiteTest {
    @Test
    void shouldNameFirstApplicationFrameWhenCreatedThroughJdkFactories() {
        final String site = OrdersPool.siteOfFactoryPool();
        assertTrue(site.startsWith("io.helixagent.testapp.OrdersPool.siteOfFactoryPool(OrdersPool.java:"), site);
    }

    @Test
    void shouldSkipConstructorsOfTheObjectsOwnHierarchy() {
        final OrdersPool pool = OrdersPool.create();
        assertTrue(pool.site.startsWith("io.helixagent.testapp.OrdersPool.create(OrdersPool.java:"), pool.site);
        pool.shutdown();
    }

    @Test
    void shouldNameTheRegisteringCodeBehindWrappersOfTheRegistrationMethod() {
        final String site = SettingsBean.registerFromRequest();
        assertTrue(site.startsWith("io.helixagent.testapp.SettingsBean.registerFromRequest(SettingsBean.java:"), site);
    }
}
