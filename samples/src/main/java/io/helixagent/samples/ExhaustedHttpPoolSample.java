package io.helixagent.samples;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The guide's "HTTP connection exhaustion": 8 catalog-request threads call one service, which takes 600 ms to
 * answer, through an Apache HttpClient 5 pool allowing 2 connections per route (its default is 5). Requests
 * queue for a connection, and those that wait more than 1 s fail with {@code ConnectionRequestTimeoutException}.
 * <p>
 * Expected from helix-agent: {@code connpool.exhaustion} (CRITICAL) naming the connection manager and this class
 * as its creator, with the route {@code 127.0.0.1:<port>} at 2/2 leased, requests pending and lease timeouts.
 */
public final class ExhaustedHttpPoolSample {
    /** The path and query called; the report must never contain them. */
    static final String PATH = "/catalog/helix-path-marker?token=helix-query-marker";
    private static final long SERVICE_MILLIS = 600;

    private ExhaustedHttpPoolSample() {
    }

    public static void main(final String[] args) throws Exception {
        run(SampleRunner.seconds(args));
        SampleRunner.printReports();
    }

    /** Runs the catalog calls for {@code seconds}, printing when the trouble starts and how calls ended. */
    static void run(final int seconds) throws Exception {
        try (SlowServer catalog = SlowServer.start("catalog", SERVICE_MILLIS)) {
            final PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(2).setMaxConnTotal(20).build();
            final RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(1)).setResponseTimeout(Timeout.ofSeconds(5)).build();
            try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(requests).build()) {
                System.out.println("onset http-pool " + System.currentTimeMillis());
                final LoadLoop load = LoadLoop.forSeconds(seconds).start("catalog-request", 8, 0,
                    () -> client.execute(new HttpGet(catalog.base() + PATH),
                        response -> EntityUtils.toString(response.getEntity())));
                System.out.println("catalog outcomes: " + load.await());
            }
        }
    }
}
