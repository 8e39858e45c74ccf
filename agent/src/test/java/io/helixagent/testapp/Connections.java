package io.helixagent.testapp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/** Application code, outside the agent's packages, that builds connection pools the way hosts do. */
public final class Connections {
    private Connections() {
    }

    /** @return a HikariCP pool over a private in-memory H2 database. */
    public static HikariDataSource dataSource(final String name, final int maxSize, final long timeoutMillis) {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name);
        config.setPoolName(name);
        config.setMaximumPoolSize(maxSize);
        config.setConnectionTimeout(timeoutMillis);
        return new HikariDataSource(config);
    }

    /** @return an HttpClient 5 connection pool allowing {@code perRoute} connections to a host. */
    public static PoolingHttpClientConnectionManager manager(final int perRoute) {
        return PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(perRoute)
            .setMaxConnTotal(10).build();
    }
}
