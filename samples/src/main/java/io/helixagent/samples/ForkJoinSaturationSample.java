package io.helixagent.samples;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ForkJoinPool} used for blocking work: a report service hands 40 tasks a second, each waiting 200 ms
 * on a slow dependency, to a pool of parallelism 2 that completes 10 a second. The pool's queue grows
 * without bound and every new task waits longer.
 * <p>
 * Expected from helix-agent: {@code pool.saturation} naming {@code ForkJoinPool-1-worker} and this class as
 * its creator, with the queue, parallelism and estimated wait.
 */
public final class ForkJoinSaturationSample {
    private static volatile int lastReport;

    private ForkJoinSaturationSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final ForkJoinPool pool = new ForkJoinPool(2);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int submitted = 0;
        while (System.nanoTime() < end) {
            final int id = ++submitted;
            pool.execute(() -> buildReport(id));
            Thread.sleep(25);
        }
        System.out.println("reports submitted: " + submitted + ", queued at the end: "
            + pool.getQueuedSubmissionCount() + ", last built: " + lastReport);
        SampleRunner.printReports();
        pool.shutdownNow();
    }

    private static void buildReport(final int id) {
        try {
            Thread.sleep(200);
            lastReport = id;
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
