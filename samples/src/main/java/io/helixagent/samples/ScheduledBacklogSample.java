package io.helixagent.samples;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that cannot keep its schedule: five jobs run every 100 ms on one thread, each taking 60 ms, so
 * 300 ms of work falls due every 100 ms and every run starts later than the last.
 * <p>
 * Expected from helix-agent: {@code pool.saturation} naming {@code metrics-scheduler}, with queue waits (how late
 * each run started) far above the run time.
 */
public final class ScheduledBacklogSample {
    private static volatile long runs;

    private ScheduledBacklogSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            SaturatedPoolSample.named("metrics-scheduler"));
        for (int job = 0; job < 5; job++) {
            scheduler.scheduleAtFixedRate(ScheduledBacklogSample::collectMetrics, 0, 100, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        System.out.println("metric collections run: " + runs);
        SampleRunner.printReports();
        scheduler.shutdownNow();
    }

    private static void collectMetrics() {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        runs++;
    }
}
