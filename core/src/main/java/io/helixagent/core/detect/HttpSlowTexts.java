package io.helixagent.core.detect;

import io.helixagent.core.detect.HttpSlowDetector.HostFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@code http.slow}, kept in one place: the guide's section 1 ("Operation timed out": check the
 * service, increase the connection timeout, a slow first connection) and section 7 ("slow external API calls":
 * reuse clients and connections), made concrete with the host's own numbers and each client's setting names.
 * Hosts are named {@code scheme://host:port}: a path or query string is never known, so never written.
 */
final class HttpSlowTexts {
    private HttpSlowTexts() {
    }

    static String title(final HostFigures f) {
        return "Outbound HTTP calls to " + f.host() + (f.timeouts() > 0 ? " time out" : " are slow");
    }

    static String summary(final HostFigures f) {
        final StringBuilder s = new StringBuilder("Calls to ").append(f.host()).append(": ").append(f.calls())
            .append(" in ").append(f.seconds()).append(" s");
        if (f.timeouts() > 0) {
            s.append(", ").append(f.timeouts()).append(" timed out (").append(f.connectTimeouts())
                .append(" connecting, ").append(f.readTimeouts()).append(" waiting for the response)");
        }
        if (f.timedCalls() > 0) {
            s.append("; p99 ").append(ms(f.p99Nanos())).append(" ms, p50 ").append(ms(f.p50Nanos())).append(" ms");
        }
        if (f.firstCallNanos() >= 0) {
            s.append("; the first call took ").append(ms(f.firstCallNanos())).append(" ms");
        }
        return s.append('.').toString();
    }

    /**
     * @param slow      the p99 call time is a signal.
     * @param firstSlow the first call was slow.
     */
    static List<String> recommendations(final HostFigures f, final boolean slow, final boolean firstSlow) {
        final List<String> r = new ArrayList<>();
        if (f.readTimeouts() > 0) {
            r.add("Calls time out waiting for the response (\"Operation timed out\"): " + f.readTimeouts() + " of "
                + f.calls() + " in the last " + f.seconds() + " s. Check the health and load of " + f.host()
                + "; retry idempotent calls with backoff behind a circuit breaker instead of piling more calls on a "
                + "struggling service; raise the response timeout (HttpRequest.Builder.timeout, "
                + "HttpURLConnection.setReadTimeout, RequestConfig.setResponseTimeout) only if the service is "
                + "known to need longer.");
        }
        if (f.connectTimeouts() > 0) {
            r.add("Connections to " + f.host() + " time out: " + f.connectTimeouts() + " in the last " + f.seconds()
                + " s. Check that the host is reachable (name resolution, firewall, the service listening); if it "
                + "is reachable but slow to accept (cold start, TLS handshake), increase the connection timeout "
                + "(HttpClient.Builder.connectTimeout, HttpURLConnection.setConnectTimeout, "
                + "ConnectionConfig.setConnectTimeout).");
        }
        if (slow && f.timeouts() == 0) {
            r.add("Fail fast: calls take " + ms(f.p99Nanos()) + " ms (p99) and " + ms(f.p50Nanos())
                + " ms typically (p50). Give each call a deadline near what its caller can wait, so a slow "
                + "service holds neither threads nor pooled connections; cache or batch repeated calls.");
        }
        if (firstSlow) {
            r.add("The first call took " + ms(f.firstCallNanos()) + " ms against " + ms(f.p50Nanos())
                + " ms for later ones: connection set-up (name resolution, TCP, TLS) dominates. Open the connection "
                + "at startup and reuse one client for all calls, so that later calls keep the connection "
                + "(keep-alive).");
        }
        return r;
    }

    private static String ms(final long nanos) {
        return Numbers.plain(Numbers.millis(nanos));
    }
}
