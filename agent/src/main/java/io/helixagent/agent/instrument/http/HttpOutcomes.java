package io.helixagent.agent.instrument.http;

import io.helixagent.agent.probe.Throwables;
import io.helixagent.core.record.Outcome;
import java.io.FileNotFoundException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Classifies how an outbound HTTP call ended, from what it threw, the same way for every client:
 * <ul>
 *   <li>connect timeout: {@code java.net.http.HttpConnectTimeoutException}, HttpClient 5's
 *       {@code ConnectTimeoutException}, or a {@code SocketTimeoutException} while connecting
 *       ({@code HttpURLConnection}'s "Connect timed out");</li>
 *   <li>response timeout: {@code java.net.http.HttpTimeoutException} (the request's timeout), or any other
 *       {@code SocketTimeoutException} ("Read timed out");</li>
 *   <li>anything else a failure, except that {@code HttpURLConnection} reports an error status (404, 500) by
 *       throwing: a response arrived, so the call counts as completed.</li>
 * </ul>
 * Futures' wrappers ({@code CompletionException}, {@code ExecutionException}) are looked through.
 */
final class HttpOutcomes {
    private static final String JDK_CONNECT_TIMEOUT = "java.net.http.HttpConnectTimeoutException";
    private static final String JDK_TIMEOUT = "java.net.http.HttpTimeoutException";
    private static final String APACHE_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";
    /** How {@code HttpURLConnection} words an error status it throws as an {@code IOException}. */
    private static final String STATUS_MESSAGE = "Server returned HTTP response code";
    private static final int MAX_UNWRAP = 4;

    private HttpOutcomes() {
    }

    /**
     * @param thrown     what the call threw, or null.
     * @param connecting whether it was thrown while connecting.
     * @return an {@link Outcome} code.
     */
    static int of(final Throwable thrown, final boolean connecting) {
        if (thrown == null) {
            return Outcome.OK;
        }
        final Throwable t = unwrap(thrown);
        if (Throwables.isA(t, JDK_CONNECT_TIMEOUT) || Throwables.isA(t, APACHE_CONNECT_TIMEOUT)) {
            return Outcome.CONNECT_TIMEOUT;
        }
        if (t instanceof SocketTimeoutException) {
            return connecting ? Outcome.CONNECT_TIMEOUT : Outcome.READ_TIMEOUT;
        }
        return Throwables.isA(t, JDK_TIMEOUT) ? Outcome.READ_TIMEOUT : Outcome.FAILED;
    }

    /** @return the outcome of an {@code HttpURLConnection} exchange, whose error statuses arrive as exceptions. */
    static int ofUrlConnection(final Throwable thrown, final boolean connecting) {
        if (!connecting && (thrown instanceof FileNotFoundException || thrown != null
            && thrown.getMessage() != null && thrown.getMessage().startsWith(STATUS_MESSAGE))) {
            return Outcome.OK;
        }
        return of(thrown, connecting);
    }

    private static Throwable unwrap(final Throwable thrown) {
        Throwable t = thrown;
        for (int i = 0; i < MAX_UNWRAP && (t instanceof CompletionException || t instanceof ExecutionException)
            && t.getCause() != null; i++) {
            t = t.getCause();
        }
        return t;
    }
}
