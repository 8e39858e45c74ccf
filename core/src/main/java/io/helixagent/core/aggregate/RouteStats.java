package io.helixagent.core.aggregate;

/**
 * One route of an HttpClient connection pool at the latest sample. The route is named by its target's
 * {@code host:port} only.
 *
 * @param route     {@code host:port}.
 * @param leased    connections in use.
 * @param pending   requests waiting for one.
 * @param available idle connections kept for reuse.
 * @param max       the route's limit.
 */
public record RouteStats(String route, int leased, int pending, int available, int max) {
}
