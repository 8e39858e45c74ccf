package io.helixagent.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.sun.net.httpserver.HttpServer;
import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.RouteStats;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.record.Outcome;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.Test;

/** Sampling real pools: a HikariCP pool over an in-memory H2 database and an HttpClient 5 connection manager. */
class ConnectionPoolFeatureTest {
    private final SubjectRegistry subjects = new SubjectRegistry(10, () -> 0L);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ConnectionPoolFeature feature = new ConnectionPoolFeature(subjects, meters);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RecordLayout.BODY_LENGTH]);

    @Test
    void shouldSampleAHikariPoolAndBindItsMeters() throws Exception {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:feature-test");
        config.setMaximumPoolSize(3);
        config.setConnectionTimeout(2500);
        config.setPoolName("orders-db");
        try (HikariDataSource dataSource = new HikariDataSource(config);
             Connection first = dataSource.getConnection();
             Connection second = dataSource.getConnection()) {
            final Subject subject = subjects.register(dataSource.getHikariPoolMXBean(), ConnectionPoolFeature.HIKARI,
                "Test.make(Test.java:1)");
            feature.settingsSource(subject, dataSource);
            record(RecordType.CONNECTION_ACQUIRED, subject.id(), Outcome.OK, TimeUnit.MILLISECONDS.toNanos(4));
            record(RecordType.CONNECTION_ACQUIRED, subject.id(), Outcome.TIMEOUT, TimeUnit.MILLISECONDS.toNanos(2500));
            record(RecordType.CONNECTION_RELEASED, subject.id(), Outcome.OK, TimeUnit.MILLISECONDS.toNanos(30));
            feature.onTick(0);

            final ConnectionPoolAggregate pool = feature.pools().iterator().next();
            assertEquals("orders-db", subject.name());
            assertEquals(2.0, pool.active().latest());
            assertEquals(3, pool.settings().maxSize());
            assertEquals(2500, pool.settings().connectionTimeoutMs());
            assertEquals(1, pool.timeouts().total());
            final ReportParts parts = new ReportParts();
            feature.contribute(parts);
            feature.afterTick();
            assertEquals(2.0, meters.get("hikaricp.connections.active").tag("pool", "orders-db").gauge().value());
            assertEquals(3.0, meters.get("hikaricp.connections.max").tag("pool", "orders-db").gauge().value());
            assertEquals(1.0, meters.get("hikaricp.connections.timeout").functionCounter().count());
            assertEquals(2.0, meters.get("hikaricp.connections.acquire").functionTimer().count());
            assertEquals(30.0, meters.get("hikaricp.connections.usage").functionTimer()
                .totalTime(TimeUnit.MILLISECONDS), 0.001);
        }
    }

    @Test
    void shouldSampleAnHttpClientConnectionManager() throws Exception {
        try (PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(7).setMaxConnPerRoute(3).build()) {
            final Subject subject = subjects.register(manager, ConnectionPoolFeature.HTTP_CLIENT,
                "Test.make(Test.java:2)");
            feature.onTick(0);
            final ConnectionPoolAggregate pool = feature.pools().iterator().next();
            assertEquals("PoolingHttpClientConnectionManager", subject.name());
            assertEquals(7.0, pool.max().latest());
            assertEquals(0.0, pool.active().latest());
            assertEquals(3, pool.settings().defaultMaxPerRoute());
            assertTrue(pool.routes().isEmpty());
            feature.afterTick();
            assertEquals(7.0, meters.get("httpcomponents.httpclient.pool.total.max").gauge().value());
            assertEquals(0.0, meters.get("httpcomponents.httpclient.pool.total.connections").tag("state", "leased")
                .gauge().value());
        }
    }

    @Test
    void shouldNameTheRoutesOfAnHttpClientPoolByHostAndPort() throws Exception {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(3).build();
             CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager).build()) {
            final int port = server.getAddress().getPort();
            client.execute(new HttpGet("http://127.0.0.1:" + port + "/items?id=7"), response -> null);
            subjects.register(manager, ConnectionPoolFeature.HTTP_CLIENT, "Test.make(Test.java:3)");
            feature.onTick(0);
            final List<RouteStats> routes = feature.pools().iterator().next().routes();
            assertEquals(List.of(new RouteStats("127.0.0.1:" + port, 0, 0, 1, 3)), routes);
        } finally {
            server.stop(0);
        }
    }

    private void record(final int type, final int subject, final int outcome, final long nanos) {
        RecordLayout.encode(buffer, 0, subject, outcome, nanos, 0);
        feature.onRecord(type, buffer, 0);
    }
}
