package io.helixagent.samples;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The guide's "Operation timed out" and slow external calls: a pricing service takes 1.5 s to answer. Three
 * request threads call it with {@code java.net.http.HttpClient} and wait; a quote thread calls it asynchronously
 * with a 500 ms request timeout, and a legacy thread through {@code HttpURLConnection} with a 500 ms read
 * timeout: both time out on every call.
 * <p>
 * Expected from helix-agent: {@code http.slow} (CRITICAL) for {@code http://127.0.0.1:<port>} only (never the
 * path or its query), with timeouts waiting for the response and a p99 call time over 1 s, from both clients.
 */
public final class SlowHttpSample {
    /** The path and query called; the report must never contain them. */
    static final String PATH = "/prices/helix-path-marker?sku=helix-query-marker";
    private static final long SERVICE_MILLIS = 1500;
    private static final int SHORT_TIMEOUT_MILLIS = 500;

    private SlowHttpSample() {
    }

    public static void main(final String[] args) throws Exception {
        run(SampleRunner.seconds(args));
        SampleRunner.printReports();
    }

    /** Runs the pricing calls for {@code seconds}, printing when the trouble starts and how calls ended. */
    static void run(final int seconds) throws Exception {
        try (SlowServer pricing = SlowServer.start("pricing", SERVICE_MILLIS)) {
            final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            final URI uri = URI.create(pricing.base() + PATH);
            final HttpRequest patient = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            final HttpRequest hurried = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(SHORT_TIMEOUT_MILLIS)).build();
            System.out.println("onset http " + System.currentTimeMillis());
            final LoadLoop load = LoadLoop.forSeconds(seconds)
                .start("pricing-request", 3, 0, () -> client.send(patient, HttpResponse.BodyHandlers.ofString()))
                .start("pricing-quote", 1, 0, () -> client.sendAsync(hurried, HttpResponse.BodyHandlers.ofString())
                    .join())
                .start("pricing-legacy", 1, 0, () -> legacyCall(uri));
            System.out.println("pricing outcomes: " + load.await());
        }
    }

    private static void legacyCall(final URI uri) throws Exception {
        final HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(SHORT_TIMEOUT_MILLIS);
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
    }
}
