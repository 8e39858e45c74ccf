package io.helixagent.samples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A service on the loopback interface that answers every request after a fixed delay, on a port of its own
 * choosing: the remote service of the connection samples, slow or fast. Its threads are daemons, and it serves
 * requests concurrently (an unbounded thread pool), so only the clients' own limits make callers wait.
 */
final class SlowServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;

    private SlowServer(final HttpServer server, final ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts a server on 127.0.0.1 and prints its address as {@code server <name> http://127.0.0.1:<port>}.
     *
     * @param name        what the printed line calls it.
     * @param delayMillis how long every answer takes.
     */
    static SlowServer start(final String name, final long delayMillis) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        final ExecutorService threads = Executors.newCachedThreadPool(SaturatedPoolSample.named(name + "-server"));
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(delayMillis);
                final byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            } catch (final IOException clientGaveUp) {
                // the client timed out and closed the connection: nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
        final SlowServer started = new SlowServer(server, threads);
        System.out.println("server " + name + " " + started.base());
        return started;
    }

    /** @return {@code http://127.0.0.1:<port>}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
