package io.helixagent.core.detect;

import io.helixagent.core.detect.PoolSaturationDetector.PoolFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@code pool.saturation}, kept in one place: the guide's section 4 ("Worker Pool Queue Full":
 * increase the queue size, increase the worker count, fail fast with a task timeout, check for slow
 * tasks) made concrete with the pool's own numbers.
 */
final class PoolSaturationTexts {
    private PoolSaturationTexts() {
    }

    /** Typical run time above which a ForkJoinPool task is almost certainly blocking. */
    private static final long BLOCKING_TASK_NANOS = 10_000_000L;

    private static String sizeSetting(final PoolFigures f) {
        return f.forkJoin()
            ? "the parallelism given to new ForkJoinPool(n), or -Djava.util.concurrent.ForkJoinPool.common.parallelism "
                + "for the common pool"
            : "maximumPoolSize, or the size given to Executors.newFixedThreadPool";
    }

    static String summary(final String name, final PoolFigures f) {
        final StringBuilder s = new StringBuilder("Worker pool ").append(name).append(':');
        if (f.fill() >= 0) {
            s.append(" queue ").append(Numbers.percent(f.fill())).append(" full (")
                .append(f.queued()).append('/').append(f.capacity()).append("),");
        } else {
            s.append(' ').append(f.queued()).append(" tasks queued,");
        }
        s.append(' ').append(f.active()).append('/').append(f.maxThreads()).append(" threads busy");
        if (f.rejectedPerSec() > 0) {
            s.append(", ").append(Numbers.plain(f.rejectedPerSec())).append(" tasks/s rejected");
        }
        if (f.waitMeasured()) {
            s.append("; tasks wait ").append(Numbers.plain(Numbers.millis(f.waitP99Nanos())))
                .append(" ms and run ").append(Numbers.plain(Numbers.millis(f.runP99Nanos()))).append(" ms (p99).");
        } else {
            s.append("; tasks wait about ").append(Numbers.plain(Numbers.millis(f.waitP50Nanos())))
                .append(" ms (queue length / throughput) and run ")
                .append(Numbers.plain(Numbers.millis(f.runP99Nanos()))).append(" ms (p99).");
        }
        return s.toString();
    }

    static List<String> recommendations(final PoolFigures f, final double waitRatio) {
        final List<String> r = new ArrayList<>();
        final double arrivals = f.arrivalsPerSec();
        final double runSec = f.runMeanNanos() / 1e9;
        final int neededThreads = (int) Math.ceil(arrivals * runSec);
        if (f.rejectedPerSec() > 0) {
            r.add("Stop losing work: " + Numbers.plain(f.rejectedPerSec()) + " tasks/s are rejected ("
                + f.rejectedTotal() + " so far, handler " + f.policy() + "); callers of an AbortPolicy pool get "
                + "RejectedExecutionException. Size the pool and queue below, or use CallerRunsPolicy to push "
                + "back on submitters instead of failing.");
        }
        if (f.active() >= f.maxThreads() && neededThreads > f.maxThreads()) {
            r.add("Increase the worker count: all " + f.maxThreads() + " threads are busy; " + Numbers.plain(arrivals)
                + " tasks/s arrive and each runs " + Numbers.plain(Numbers.millis(f.runMeanNanos()))
                + " ms on average, which needs about " + neededThreads + " threads (" + sizeSetting(f)
                + "), if the work is not CPU-bound on fewer cores.");
        }
        if (f.forkJoin() && f.runP50Nanos() >= BLOCKING_TASK_NANOS) {
            r.add("Move blocking work off the ForkJoinPool: its tasks run " + Numbers.plain(Numbers.millis(
                f.runP50Nanos())) + " ms typically, which is waiting (I/O, locks, sleeps), not computing; give such "
                + "tasks their own ThreadPoolExecutor (CompletableFuture.supplyAsync(task, executor)) or wrap the "
                + "wait in ForkJoinPool.managedBlock.");
        }
        if (f.fill() >= 0) {
            final long suggested = Math.max(f.capacity() * 2, (long) Math.ceil(arrivals * 10));
            r.add("Increase the queue size only to absorb bursts: the queue holds " + f.capacity() + " tasks and was "
                + Numbers.percent(f.fill()) + " full; a capacity of about " + suggested + " absorbs 10 s of arrivals, "
                + "but a longer queue also means longer waits (now " + Numbers.plain(Numbers.millis(f.waitP99Nanos()))
                + " ms).");
        } else if (waitRatio > 1 && !f.forkJoin()) {
            r.add("Bound the queue: it is unbounded and tasks wait " + Numbers.plain(waitRatio)
                + " times longer than they run; a bounded queue with a rejection policy makes overload visible "
                + "instead of turning it into latency and memory.");
        }
        r.add("Fail fast: give tasks a timeout (Future.get(timeout, unit) or a deadline inside the task) near the "
            + "callers' own deadline; the slowest tasks run " + Numbers.plain(Numbers.millis(f.runP99Nanos()))
            + " ms (p99) against " + Numbers.plain(Numbers.millis(f.runP50Nanos())) + " ms typically (p50).");
        if (f.runP99Nanos() > 4 * Math.max(1, f.runP50Nanos())) {
            r.add("Check for slow tasks: the p99 run time is " + Numbers.plain((double) f.runP99Nanos()
                / Math.max(1, f.runP50Nanos())) + " times the median; profile what the slowest tasks wait on "
                + "(I/O, locks, remote calls) before adding threads.");
        }
        return r;
    }
}
