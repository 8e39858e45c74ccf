package io.helixagent.agent.instrument.http;

import io.helixagent.agent.probe.IdentityStamps;
import io.helixagent.core.feature.HttpFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.HostRegistry;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What the outbound HTTP probes do, on host threads: time each call and record it against its target's
 * {@code scheme://host:port}, read from the strings the client already holds (a path or a query string is
 * never read). One record per call.
 * <ul>
 *   <li>{@code java.net.http.HttpClient.send}: timed around the call, which returns once the response body
 *       handler has the headers (or the body, for the handlers that read it whole).</li>
 *   <li>{@code sendAsync}: its future completes on the client's threads, so a small callback object carries the
 *       start time to it: the one allocation on the probe path, next to the several futures the client itself
 *       allocates per call, and the only way to learn when an exchange ends without leaning on the JDK's
 *       internal classes.</li>
 *   <li>{@code HttpURLConnection}: from the first connection attempt ({@code connect}, explicit or implied by
 *       {@code getOutputStream}, {@code getInputStream}, {@code getResponseCode}) to the response headers, the
 *       start stamped in {@link IdentityStamps} by the connection's identity; a failure while connecting ends
 *       the exchange there.</li>
 *   <li>Apache HttpClient 5 classic: timed around the client's {@code doExecute}, which includes waiting for a
 *       pooled connection.</li>
 * </ul>
 */
public final class HttpCallProbes {
    private final RecordRing ring;
    private final HostRegistry hosts;
    private final IdentityStamps exchanges = new IdentityStamps();

    /**
     * @param ring  where records go.
     * @param hosts where targets get their ids.
     */
    public HttpCallProbes(final RecordRing ring, final HostRegistry hosts) {
        this.ring = ring;
        this.hosts = hosts;
    }

    public void jdkSent(final Object request, final long startNanos, final Throwable thrown) {
        final long nanos = System.nanoTime() - startNanos;
        publish(jdkHost(request), HttpOutcomes.of(thrown, false), nanos, HttpFeature.CLIENT_JDK);
    }

    public void jdkSentAsync(final Object request, final long startNanos, final Object future) {
        if (future instanceof CompletableFuture) {
            ((CompletableFuture<?>) future).whenComplete(new AsyncExchange(this, jdkHost(request), startNanos));
        }
    }

    private int jdkHost(final Object request) {
        final URI uri = ((HttpRequest) request).uri();
        return hosts.idOf(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    public void urlConnectionStarted(final Object connection) {
        exchanges.stampIfAbsent(connection, System.nanoTime());
    }

    public void urlConnectionEnded(final Object connection, final Object url, final Throwable thrown,
                                   final boolean connecting) {
        if (connecting && thrown == null) {
            return;
        }
        final long start = exchanges.take(connection);
        if (start == IdentityStamps.NONE || !(url instanceof URL)) {
            return;
        }
        final URL target = (URL) url;
        publish(hosts.idOf(target.getProtocol(), target.getHost(), target.getPort()),
            HttpOutcomes.ofUrlConnection(thrown, connecting), System.nanoTime() - start,
            HttpFeature.CLIENT_URL_CONNECTION);
    }

    public void apacheExecuted(final Object target, final long startNanos, final Throwable thrown) throws Throwable {
        final long nanos = System.nanoTime() - startNanos;
        publish(ApacheHosts.idOf(hosts, target), HttpOutcomes.of(thrown, false), nanos, HttpFeature.CLIENT_APACHE);
    }

    private void publish(final int host, final int outcome, final long nanos, final int client) {
        if (host != HostRegistry.UNKNOWN) {
            ring.publish(RecordType.HTTP_CALL, host, outcome, nanos, client);
        }
    }

    /** Ends an asynchronous exchange when its future completes; never throws into the client's threads. */
    private static final class AsyncExchange implements BiConsumer<Object, Throwable> {
        private final HttpCallProbes probes;
        private final int host;
        private final long startNanos;

        AsyncExchange(final HttpCallProbes probes, final int host, final long startNanos) {
            this.probes = probes;
            this.host = host;
            this.startNanos = startNanos;
        }

        @Override
        public void accept(final Object response, final Throwable thrown) {
            try {
                probes.publish(host, HttpOutcomes.of(thrown, false), System.nanoTime() - startNanos,
                    HttpFeature.CLIENT_JDK);
            } catch (final Throwable t) {
                // the client's thread must not see an agent failure; the record is lost
            }
        }
    }
}
