package io.helixagent.core.detect;

import io.helixagent.core.detect.ConnPoolExhaustionDetector.PoolFigures;
import io.helixagent.core.aggregate.RouteStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@code connpool.exhaustion}, kept in one place: the guide's section 7 ("HTTP connection
 * exhaustion": increase connection limits, increase the idle timeout, reuse clients) and its database twin
 * (pool size, timeouts, hold time, leaked connections), made concrete with the pool's own numbers and the
 * library's own setting names.
 */
final class ConnPoolExhaustionTexts {
    /** A starting point for HikariCP's leak detection: longer than most transactions, short enough to fire. */
    private static final long SUGGESTED_LEAK_THRESHOLD_MS = 2000;

    private ConnPoolExhaustionTexts() {
    }

    static String title(final PoolFigures f) {
        return (f.isHikari() ? "Database" : "HTTP") + " connection pool " + f.name() + " is exhausted";
    }

    static String summary(final PoolFigures f) {
        final StringBuilder s = new StringBuilder(f.isHikari() ? "Database" : "HTTP").append(" connection pool ")
            .append(f.name()).append(": ").append(f.active()).append('/').append(limit(f.max()))
            .append(" connections in use, ").append(Numbers.plain(f.waitersMean()))
            .append(" callers waiting on average (up to ").append(f.waitersMax()).append(')');
        final RouteStats route = f.busiest();
        if (route != null && route.pending() > 0) {
            s.append(", busiest route ").append(route.route()).append(' ').append(route.leased()).append('/')
                .append(route.max()).append(" leased with ").append(route.pending()).append(" waiting");
        }
        s.append("; callers wait ").append(ms(f.waitP99Nanos())).append(" ms (p99)");
        if (f.timeoutsPerSec() > 0) {
            s.append(" and ").append(Numbers.plain(f.timeoutsPerSec())).append("/s give up");
        }
        return s.append("; connections are held ").append(ms(f.holdP99Nanos())).append(" ms (p99).").toString();
    }

    static List<String> recommendations(final PoolFigures f) {
        final List<String> r = new ArrayList<>();
        if (f.isHikari()) {
            hikari(f, r);
        } else {
            httpClient(f, r);
        }
        return r;
    }

    private static void hikari(final PoolFigures f, final List<String> r) {
        final int needed = f.neededConnections();
        if (f.max() > 0 && needed > f.max()) {
            r.add("Increase maximumPoolSize from " + f.max() + " to about " + needed
                + " (HikariConfig.setMaximumPoolSize, spring.datasource.hikari.maximum-pool-size): " + usage(f)
                + " Stay within what the database accepts (its max_connections, shared by every instance of the "
                + "application); if it cannot take more, shorten the hold time instead.");
        }
        if (f.timeoutsPerSec() > 0) {
            r.add("Callers are failing: " + Numbers.plain(f.timeoutsPerSec()) + " per second (" + f.timeoutsTotal()
                + " so far) got SQLTransientConnectionException (\"Connection is not available, request timed out\")"
                + " after connectionTimeout = " + f.connectionTimeoutMs() + " ms. A longer connectionTimeout only "
                + "makes them wait longer: fix the pool size or the hold time, and keep connectionTimeout below the "
                + "callers' own deadline so that they fail fast.");
        }
        r.add("Hold connections briefly: they are held " + ms(f.holdP99Nanos()) + " ms (p99) and "
            + ms(f.holdP50Nanos()) + " ms typically (p50). Keep transactions short, do not call remote services "
            + "or sleep while holding a connection, and close it (try-with-resources) right after the last "
            + "statement.");
        if (f.leakSuspected()) {
            r.add("Look for leaked connections: " + leakEvidence(f) + " Set leakDetectionThreshold to about "
                + SUGGESTED_LEAK_THRESHOLD_MS + " ms (now " + (f.leakDetectionMs() > 0 ? f.leakDetectionMs() + " ms"
                : "off") + ") and HikariCP logs the stack of the code that holds a connection longer; a connection "
                + "that is never closed never goes back to the pool.");
        }
    }

    private static void httpClient(final PoolFigures f, final List<String> r) {
        final RouteStats route = f.busiest();
        if (route != null && route.leased() >= route.max() && route.pending() > 0) {
            final int needed = Math.max(route.leased() + route.pending(), f.neededConnections());
            r.add("Raise the per-route limit (the guide's max_conns_per_host): route " + route.route() + " had "
                + route.leased() + "/" + route.max() + " connections leased and " + route.pending()
                + " requests waiting. Set setMaxPerRoute(route, " + needed + ") or setDefaultMaxPerRoute(" + needed
                + ") (now " + f.defaultMaxPerRoute() + ") on the PoolingHttpClientConnectionManager "
                + "(PoolingHttpClientConnectionManagerBuilder.setMaxConnPerRoute), and setMaxTotal to at least "
                + "that (now " + limit(f.max()) + "), if the server can take that many connections.");
        } else if (f.max() > 0 && f.neededConnections() > f.max()) {
            r.add("Raise the total limit: setMaxTotal from " + f.max() + " to about " + f.neededConnections()
                + " (PoolingHttpClientConnectionManagerBuilder.setMaxConnTotal): " + usage(f));
        }
        if (f.timeoutsPerSec() > 0) {
            r.add("Requests are failing: " + Numbers.plain(f.timeoutsPerSec()) + " per second (" + f.timeoutsTotal()
                + " so far) got ConnectionRequestTimeoutException after waiting for a pooled connection; the wait "
                + "is bounded by RequestConfig.setConnectionRequestTimeout. Waiting longer only hides the shortage: "
                + "fix the limits or the lease time.");
        }
        r.add("Release connections promptly: they are leased " + ms(f.holdP99Nanos()) + " ms (p99) and "
            + ms(f.holdP50Nanos()) + " ms typically (p50). Consume or close every response (try-with-resources "
            + "on CloseableHttpResponse, EntityUtils.consume, or an HttpClientResponseHandler): an unread response "
            + "keeps its connection leased.");
        if (f.leakSuspected()) {
            r.add("Look for responses that are never closed: " + leakEvidence(f));
        }
        r.add("Reuse connections: share one client and connection manager per target service instead of one per "
            + "request, and keep idle connections long enough to be reused (ConnectionConfig.setTimeToLive, "
            + "evictIdleConnections longer than the gap between calls); a new connection per request adds a TCP "
            + "and TLS handshake to every call.");
    }

    private static String usage(final PoolFigures f) {
        return f.active() + "/" + limit(f.max()) + " connections were in use while " + Numbers.plain(f.waitersMean())
            + " callers waited on average; " + Numbers.plain(f.acquiredPerSec()) + " connections/s are handed out "
            + "and each is held " + ms(f.holdMeanNanos()) + " ms on average.";
    }

    private static String leakEvidence(final PoolFigures f) {
        return "every one of the " + f.max() + " connections stayed in use for the whole window while "
            + (f.released() == 0 ? "none came back." : "connections were held " + ms(f.holdP99Nanos())
            + " ms (p99).");
    }

    private static String limit(final int max) {
        return max > 0 ? Integer.toString(max) : "?";
    }

    private static String ms(final double nanos) {
        return Numbers.plain(Numbers.millis(nanos));
    }
}
