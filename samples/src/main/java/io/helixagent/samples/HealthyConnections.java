package io.helixagent.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The healthy side of the connection samples: a HikariCP pool with room to spare for its callers, who hold
 * connections for a few milliseconds; a fast service on the loopback interface, called through a well-sized
 * HttpClient 5 pool, {@code java.net.http.HttpClient} and {@code HttpURLConnection}, each client reused and
 * warmed up with one call before the load starts, as the guide advises for slow first connections.
 * <p>
 * Expected from helix-agent: no WARNING or CRITICAL finding; the pool and the host appear as subjects.
 */
final class HealthyConnections {
    private static final long SERVICE_MILLIS = 5;
    private static final long PAUSE_MILLIS = 20;
    /** Seconds before the caller's end at which this workload stops. */
    private static final int QUIET_TAIL_SECONDS = 2;

    private HealthyConnections() {
    }

    /**
     * Runs the workload on background daemon threads and returns at once, so that it runs beside the caller's
     * own workload of {@code seconds}; it stops {@value #QUIET_TAIL_SECONDS} s before that, so that the final
     * report finds every record delivered. Anything that fails is printed to standard error.
     */
    static void run(final int seconds) {
        final long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds - QUIET_TAIL_SECONDS));
        final Thread thread = new Thread(() -> {
            try {
                work(endNanos);
            } catch (final Exception ex) {
                System.err.println("healthy connections failed: " + ex);
            }
        }, "healthy-connections");
        thread.setDaemon(true);
        thread.start();
    }

    private static void work(final long endNanos) throws Exception {
        final HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:inventory;DB_CLOSE_DELAY=-1");
        config.setPoolName("inventory-db");
        config.setMaximumPoolSize(4);
        try (SlowServer service = SlowServer.start("inventory", SERVICE_MILLIS);
             HikariDataSource database = new HikariDataSource(config)) {
            ExhaustedDbPoolSample.createSchema(database);
            final PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(4).build();
            final URI uri = URI.create(service.base() + "/stock");
            final HttpClient jdkClient = HttpClient.newHttpClient();
            final HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool).build()) {
                final LoadLoop.Task query = () -> query(database);
                final LoadLoop.Task call = () -> client.execute(new HttpGet(uri),
                    response -> EntityUtils.toString(response.getEntity()));
                final LoadLoop.Task jdkCall = () -> jdkClient.send(request, HttpResponse.BodyHandlers.ofString());
                final LoadLoop.Task legacyCall = () -> legacyCall(uri);
                for (final LoadLoop.Task warmUp : List.of(query, call, jdkCall, legacyCall)) {
                    warmUp.run();
                }
                final Map<String, Long> outcomes = new LoadLoop(endNanos)
                    .start("inventory-query", 2, PAUSE_MILLIS, query)
                    .start("inventory-call", 2, PAUSE_MILLIS, call)
                    .start("inventory-jdk-call", 1, PAUSE_MILLIS, jdkCall)
                    .start("inventory-legacy-call", 1, PAUSE_MILLIS, legacyCall)
                    .await();
                if (outcomes.keySet().stream().anyMatch(outcome -> !"ok".equals(outcome))) {
                    System.err.println("healthy connections: unexpected outcomes " + outcomes);
                }
            }
        }
    }

    private static void query(final HikariDataSource database) throws Exception {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            rows.next();
        }
    }

    private static void legacyCall(final URI uri) throws Exception {
        final HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
    }
}
