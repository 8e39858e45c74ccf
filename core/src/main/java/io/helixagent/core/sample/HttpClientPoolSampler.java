package io.helixagent.core.sample;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.PoolSettings;
import io.helixagent.core.aggregate.RouteStats;
import io.helixagent.core.subject.Subject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an Apache HttpClient 5 connection manager ({@code PoolingHttpClientConnectionManager}, or its async
 * twin) once per tick through its {@code ConnPoolControl} methods, by name: {@code getTotalStats},
 * {@code getRoutes}, {@code getStats(route)}, the limits, and the {@code PoolStats} getters, present with these
 * signatures from HttpClient 5.0 on. Each call takes the pool's lock briefly, as Micrometer's own HttpClient
 * binder does when scraped. Routes are named {@code host:port}; at most {@value #MAX_ROUTES} are kept, busiest
 * first.
 */
public final class HttpClientPoolSampler {
    /** Routes kept per pool, the busiest ones. */
    public static final int MAX_ROUTES = 20;
    private static final String LIBRARY = "httpclient5";
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;
    private static final Getters MANAGER = new Getters(LIBRARY, "getTotalStats", "getRoutes", "getStats/1",
        "getMaxTotal", "getDefaultMaxPerRoute");
    private static final Getters STATS = new Getters(LIBRARY, "getLeased", "getPending", "getAvailable", "getMax");
    private static final Getters ROUTE = new Getters(LIBRARY, "getTargetHost");
    private static final Getters HOST = new Getters(LIBRARY, "getHostName", "getPort", "getSchemeName");
    /** Not in every 5.x (5.1 lacks it): older managers are judged until the application lets go of them. */
    private static final Getters CLOSED = Getters.optional("isClosed");

    private HttpClientPoolSampler() {
    }

    /**
     * Samples {@code manager} into {@code aggregate} and names the subject after the manager's class.
     *
     * @return false when the manager could not be read.
     */
    public static boolean sample(final Subject subject, final Object manager, final ConnectionPoolAggregate aggregate) {
        final Method[] m = MANAGER.of(manager.getClass());
        if (m == null) {
            return false;
        }
        subject.nameIfAbsent(manager.getClass().getSimpleName());
        try {
            final Method[] closed = CLOSED.of(manager.getClass());
            if (closed != null && (Boolean) closed[0].invoke(manager)) {
                aggregate.onClosed();
                return true;
            }
            final Object totals = m[0].invoke(manager);
            final Method[] s = STATS.of(totals.getClass());
            if (s == null) {
                return false;
            }
            final int maxTotal = Getters.integer(m[3], manager);
            aggregate.onSettings(new PoolSettings(maxTotal, -1, -1, Getters.integer(m[4], manager)));
            final int leased = Getters.integer(s[0], totals);
            final int available = Getters.integer(s[2], totals);
            aggregate.onSample(leased, available, Getters.integer(s[1], totals), leased + available, maxTotal);
            aggregate.onRoutes(routes(manager, m, (Collection<?>) m[1].invoke(manager)));
            return true;
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }

    private static List<RouteStats> routes(final Object manager, final Method[] m, final Collection<?> routes)
        throws ReflectiveOperationException {
        final List<RouteStats> result = new ArrayList<>(routes.size());
        for (final Object route : routes) {
            final Object stats = m[2].invoke(manager, route);
            final Method[] s = STATS.of(stats.getClass());
            final String name = routeName(route);
            if (s != null && name != null) {
                result.add(new RouteStats(name, Getters.integer(s[0], stats), Getters.integer(s[1], stats),
                    Getters.integer(s[2], stats), Getters.integer(s[3], stats)));
            }
        }
        result.sort(Comparator.comparingInt((RouteStats r) -> r.leased() + r.pending()).reversed()
            .thenComparing(RouteStats::route));
        return result.size() > MAX_ROUTES ? result.subList(0, MAX_ROUTES) : result;
    }

    /** @return the route's target as {@code host:port}, or null when it cannot be read. */
    private static String routeName(final Object route) throws ReflectiveOperationException {
        final Method[] r = ROUTE.of(route.getClass());
        final Object host = r == null ? null : r[0].invoke(route);
        final Method[] h = host == null ? null : HOST.of(host.getClass());
        if (h == null) {
            return null;
        }
        final int port = Getters.integer(h[1], host);
        final String scheme = (String) h[2].invoke(host);
        return h[0].invoke(host) + ":" + (port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? HTTPS_PORT : HTTP_PORT);
    }
}
