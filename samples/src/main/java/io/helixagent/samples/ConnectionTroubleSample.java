package io.helixagent.samples;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The three connection samples at once, in one JVM, as one service with three troubles would show them: an
 * exhausted database pool ({@link ExhaustedDbPoolSample}), an exhausted HTTP connection pool
 * ({@link ExhaustedHttpPoolSample}) and a slow service called with the JDK's clients ({@link SlowHttpSample}).
 * <p>
 * Prints the jars HikariCP and HttpClient come from, so that a run with other versions first on the class path
 * shows which ones it used.
 * <p>
 * Expected from helix-agent: the findings each of them expects, side by side.
 */
public final class ConnectionTroubleSample {
    private ConnectionTroubleSample() {
    }

    public static void main(final String[] args) throws Exception {
        final int seconds = SampleRunner.seconds(args);
        for (final Class<?> library : new Class<?>[] {HikariDataSource.class, CloseableHttpClient.class}) {
            System.out.println("library " + library.getProtectionDomain().getCodeSource().getLocation());
        }
        final Thread[] troubles = {start("db", () -> ExhaustedDbPoolSample.run(seconds)),
            start("http-pool", () -> ExhaustedHttpPoolSample.run(seconds)),
            start("http", () -> SlowHttpSample.run(seconds))};
        for (final Thread trouble : troubles) {
            trouble.join();
        }
        SampleRunner.printReports();
    }

    private static Thread start(final String name, final LoadLoop.Task trouble) {
        final Thread thread = new Thread(() -> {
            try {
                trouble.run();
            } catch (final Exception ex) {
                System.err.println("trouble " + name + " failed: " + ex);
            }
        }, "trouble-" + name);
        thread.start();
        return thread;
    }
}
