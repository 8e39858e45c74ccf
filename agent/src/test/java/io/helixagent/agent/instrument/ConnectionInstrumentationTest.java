package io.helixagent.agent.instrument;

import io.helixagent.agent.instrument.cache.CacheProbes;
import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
import io.helixagent.agent.probe.ProbeHandlers;
import io.helixagent.core.subject.CallSites;
import io.helixagent.core.subject.ListenerRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.hikari.HikariModule;
import io.helixagent.agent.instrument.http.HttpCallProbes;
import io.helixagent.agent.instrument.httpclient5.HttpClient5Module;
import io.helixagent.agent.probe.RuntimeProbeSink;
import io.helixagent.bridge.Probes;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.feature.HttpFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.Outcome;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.HostRegistry;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.helixagent.testapp.Connections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HikariCP and HttpClient 5 of the test class path, woven in this JVM, writing real records. */
class ConnectionInstrumentationTest {
    private static final Instrumentation INST = ByteBuddyAgent.install();
    private final RecordRing ring = new RecordRing(1 << 16);
    private final SubjectRegistry subjects = new SubjectRegistry(100, System::currentTimeMillis);
    private final HostRegistry hosts = new HostRegistry(10);
    private Instrumenter instrumenter;

    /** One record, decoded. */
    private record Rec(int type, int subject, int aux, long a, long b) {
    }

    @BeforeEach
    void install() {
        final ConnectionPoolFeature pools = new ConnectionPoolFeature(subjects, new SimpleMeterRegistry());
        final ExecutorProbes executors = new ExecutorProbes(ring, subjects);
        Probes.install(new RuntimeProbeSink(new ProbeHandlers(executors, new ForkJoinProbes(ring, subjects),
            new FanoutProbes(ring, new CallSites(), executors), new EventProbes(ring, subjects),
            new ListenerProbes(new ListenerRegistry()), new CacheProbes(ring, subjects),
            new ConnectionPoolProbes(ring, subjects, pools), new HttpCallProbes(ring, hosts))), null);
        instrumenter = new Instrumenter(INST, List.of(new HikariModule(), new HttpClient5Module()));
    }

    @AfterEach
    void uninstall() {
        instrumenter.reset();
        Probes.install(null, null);
    }

    @Test
    void shouldTimeHikariAcquisitionsTimeoutsAndHoldTimes() throws Exception {
        try (HikariDataSource dataSource = Connections.dataSource("woven-db", 1, 250)) {
            try (Connection held = dataSource.getConnection()) {
                Thread.sleep(30);
                assertThrows(SQLTransientConnectionException.class, dataSource::getConnection);
            }
            final Subject pool = subjects.live(ConnectionPoolFeature.HIKARI).get(0);
            assertTrue(pool.creationSite().startsWith("io.helixagent.testapp.Connections.dataSource(Connections.java:"),
                pool.creationSite());
            final List<Rec> records = drain();
            final List<Rec> acquired = of(records, RecordType.CONNECTION_ACQUIRED);
            assertEquals(List.of(Outcome.OK, Outcome.TIMEOUT), acquired.stream().map(Rec::aux).toList());
            assertTrue(acquired.get(1).a() >= TimeUnit.MILLISECONDS.toNanos(240), acquired.toString());
            final List<Rec> released = of(records, RecordType.CONNECTION_RELEASED);
            assertEquals(1, released.size(), records.toString());
            assertEquals(pool.id(), released.get(0).subject());
            assertTrue(released.get(0).a() >= TimeUnit.MILLISECONDS.toNanos(270), "held through the timeout");
        }
    }

    @Test
    void shouldTimeHttpClientLeasesAndCallsPerHost() throws Exception {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        final CountDownLatch arrived = new CountDownLatch(1);
        server.createContext("/", exchange -> {
            arrived.countDown();
            try {
                Thread.sleep(150);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            final byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        final PoolingHttpClientConnectionManager manager = Connections.manager(1);
        final RequestConfig config = RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.ofMilliseconds(50)).build();
        final String host = "http://127.0.0.1:" + server.getAddress().getPort();
        final String url = host + "/orders?secret=1";
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager)
            .setDefaultRequestConfig(config).build()) {
            final CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> get(client, url));
            assertTrue(arrived.await(5, TimeUnit.SECONDS));
            assertThrows(Exception.class, () -> get(client, url), "the one connection is leased");
            assertEquals("ok", first.get(5, TimeUnit.SECONDS));
        } finally {
            server.stop(0);
        }
        final List<Rec> records = drain();
        final Subject pool = subjects.live(ConnectionPoolFeature.HTTP_CLIENT).get(0);
        assertTrue(pool.creationSite().startsWith("io.helixagent.testapp.Connections.manager(Connections.java:"),
            pool.creationSite());
        final List<Rec> acquired = of(records, RecordType.CONNECTION_ACQUIRED);
        assertEquals(List.of(Outcome.OK, Outcome.TIMEOUT), acquired.stream().map(Rec::aux).sorted().toList());
        final List<Rec> released = of(records, RecordType.CONNECTION_RELEASED);
        assertEquals(1, released.size(), records.toString());
        assertTrue(released.get(0).a() >= TimeUnit.MILLISECONDS.toNanos(140), released.toString());
        final List<Rec> calls = of(records, RecordType.HTTP_CALL);
        assertEquals(2, calls.size(), records.toString());
        for (final Rec call : calls) {
            assertEquals(host, hosts.name(call.subject()), "scheme, host and port only");
            assertEquals(HttpFeature.CLIENT_APACHE, call.b());
        }
    }

    private static String get(final CloseableHttpClient client, final String url) {
        try {
            return client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
        } catch (final java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private List<Rec> drain() {
        final List<Rec> records = new ArrayList<>();
        ring.drain((type, buffer, index, length) -> records.add(new Rec(type, RecordLayout.subject(buffer, index),
            RecordLayout.aux(buffer, index), RecordLayout.a(buffer, index), RecordLayout.b(buffer, index))), 1000);
        return records;
    }

    private static List<Rec> of(final List<Rec> records, final int type) {
        return records.stream().filter(r -> r.type() == type).toList();
    }
}
