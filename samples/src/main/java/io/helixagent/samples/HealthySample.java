package io.helixagent.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A healthy service: a well-sized worker pool with quick tasks, a fixed pool used through {@code submit},
 * quick asynchronous stages on the common {@code ForkJoinPool}, a balanced fan-out, and a scheduled heartbeat.
 * Every pool keeps up with its work.
 * <p>
 * Expected from helix-agent: no WARNING or CRITICAL finding.
 */
public final class HealthySample {
    private HealthySample() {
    }

    public static void main(final String[] args) throws Exception {
        final int seconds = SampleRunner.seconds(args);
        HealthyCaches.run(seconds);
        HealthyConnections.run(seconds);
        final ThreadPoolExecutor requests = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), SaturatedPoolSample.named("request-worker"));
        final ExecutorService batch = Executors.newFixedThreadPool(2, SaturatedPoolSample.named("batch-worker"));
        final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            SaturatedPoolSample.named("heartbeat"));
        heartbeat.scheduleAtFixedRate(HealthySample::work, 0, 500, TimeUnit.MILLISECONDS);
        HealthyEvents.run(seconds);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long handled = 0;
        while (System.nanoTime() < end) {
            final List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.execute(HealthySample::work);
                results.add(batch.submit(HealthySample::work));
            }
            for (final Future<?> result : results) {
                result.get();
            }
            CompletableFuture.supplyAsync(HealthySample::work).thenRun(HealthySample::work).get();
            batch.invokeAll(List.<Callable<Long>>of(HealthySample::work, HealthySample::work, HealthySample::work));
            handled += 45;
            Thread.sleep(100);
        }
        System.out.println("requests handled: " + handled);
        SampleRunner.printReports();
        heartbeat.shutdownNow();
        batch.shutdownNow();
        requests.shutdownNow();
    }

    private static long work() {
        long x = 0;
        for (int i = 0; i < 20_000; i++) {
            x += i * 31L;
        }
        return x;
    }
}
