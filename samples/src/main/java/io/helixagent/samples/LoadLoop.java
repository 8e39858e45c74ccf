package io.helixagent.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of the connection samples: tasks run over and over on named daemon threads until a deadline, as
 * request threads of a service would, each outcome counted ({@code ok}, or the simple name of what was thrown).
 * Plain threads, not a pool: the samples' own workers should not be what the agent reports.
 */
final class LoadLoop {
    /** One unit of work, such as a query or an HTTP call. */
    interface Task {
        void run() throws Exception;
    }

    private final long endNanos;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    /** @param endNanos the {@code System.nanoTime()} at which the tasks stop. */
    LoadLoop(final long endNanos) {
        this.endNanos = endNanos;
    }

    /** @return a loop whose tasks run for {@code seconds} from now. */
    static LoadLoop forSeconds(final int seconds) {
        return new LoadLoop(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    /**
     * Starts {@code count} threads named {@code name-1}, ... running {@code task} until the deadline.
     *
     * @param pauseMillis pause after each run, 0 for none.
     */
    LoadLoop start(final String name, final int count, final long pauseMillis, final Task task) {
        for (int i = 1; i <= count; i++) {
            final Thread thread = new Thread(() -> loop(task, pauseMillis), name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return this;
    }

    private void loop(final Task task, final long pauseMillis) {
        while (System.nanoTime() < endNanos) {
            String outcome = "ok";
            try {
                task.run();
            } catch (final InterruptedException ex) {
                return;
            } catch (final Exception ex) {
                outcome = ex.getClass().getSimpleName();
            }
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (final InterruptedException ex) {
                    return;
                }
            }
        }
    }

    /** @return the outcomes counted, once every thread has passed the deadline. */
    Map<String, Long> await() throws InterruptedException {
        for (final Thread thread : threads) {
            thread.join();
        }
        final Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }
}
