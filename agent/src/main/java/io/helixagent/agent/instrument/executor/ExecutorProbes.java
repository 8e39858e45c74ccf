package io.helixagent.agent.instrument.executor;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.agent.probe.ThreadNames;
import io.helixagent.core.engine.Engine;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the {@code ThreadPoolExecutor} probes do, on host threads.
 *
 * <h2>Queue wait without wrapping tasks</h2>
 * Wrapping each task to carry its submit time would allocate per task. Instead {@code execute} stamps the
 * task's identity hash and the time into a fixed table slot chosen by that hash, packed into one long
 * (hash in the high half, time in ~1 µs units in the low half, so waits up to about 73 minutes are exact).
 * When a worker takes the task, a matching stamp gives the wait. A collision overwrites a stamp: that task's
 * wait is then unknown, which only thins the sample. Scheduled tasks carry their own due time, so their wait
 * is how late they started.
 *
 * <h2>Run time</h2>
 * A worker alternates between {@code getTask} and running what it got. The time from taking a task to
 * asking for the next one (or exiting) is the run time, measured on the worker thread with one thread-local
 * {@code long[]}: a JDK type, so it pins nothing of the agent after detach.
 *
 * <h2>Cost</h2>
 * Per task: two identity-hash reads, two clock reads, a thread-local lookup and one ring-buffer record.
 * No allocation after a worker's first task.
 */
public final class ExecutorProbes {
    private static final int STAMP_SLOTS = 1 << 13;
    private static final int STAMP_MASK = STAMP_SLOTS - 1;
    private static final int UNIT_SHIFT = 10;
    private static final int SUBJECT = 0;
    private static final int START = 1;
    private static final int WAIT = 2;
    private static final int RUNNING = 3;

    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final AtomicLongArray stamps = new AtomicLongArray(STAMP_SLOTS);
    private final ThreadLocal<long[]> worker = ThreadLocal.withInitial(() -> new long[4]);

    /**
     * @param ring     where records go.
     * @param subjects where pools are registered.
     */
    public ExecutorProbes(final RecordRing ring, final SubjectRegistry subjects) {
        this.ring = ring;
        this.subjects = subjects;
    }

    public void created(final Object pool) {
        if (subjects.find(pool) == null) {
            subjects.register(pool, Engine.EXECUTOR, CreationSite.of(pool));
        }
    }

    public void submitted(final Object task) {
        if (task == null || task instanceof Delayed) {
            return;
        }
        final int hash = System.identityHashCode(task);
        final long now = System.nanoTime() >>> UNIT_SHIFT;
        stamps.lazySet(hash & STAMP_MASK, ((long) hash << 32) | (now & 0xFFFF_FFFFL));
    }

    public void taken(final Object pool, final Object task) {
        if (task == null) {
            return;
        }
        final Subject subject = subjectOf(pool);
        if (subject == null) {
            return;
        }
        if (subject.name() == null) {
            subject.nameIfAbsent(ThreadNames.prefixOf(Thread.currentThread().getName()));
        }
        final long now = System.nanoTime();
        final long[] state = worker.get();
        state[SUBJECT] = subject.id();
        state[START] = now;
        state[WAIT] = waitNanos(task, now);
        state[RUNNING] = 1;
    }

    private long waitNanos(final Object task, final long now) {
        if (task instanceof Delayed) {
            return Math.max(0, -((Delayed) task).getDelay(TimeUnit.NANOSECONDS));
        }
        final int hash = System.identityHashCode(task);
        final int slot = hash & STAMP_MASK;
        final long stamp = stamps.get(slot);
        if (stamp == 0 || (int) (stamp >>> 32) != hash) {
            return -1;
        }
        stamps.lazySet(slot, 0);
        final long elapsedUnits = ((now >>> UNIT_SHIFT) - stamp) & 0xFFFF_FFFFL;
        return elapsedUnits << UNIT_SHIFT;
    }

    public void idle() {
        final long[] state = worker.get();
        if (state[RUNNING] == 0) {
            return;
        }
        state[RUNNING] = 0;
        ring.publish(RecordType.EXECUTOR_TASK, (int) state[SUBJECT], 0, state[WAIT], System.nanoTime() - state[START]);
    }

    public void rejected(final Object pool) {
        final Subject subject = subjectOf(pool);
        if (subject != null) {
            ring.publish(RecordType.EXECUTOR_REJECTED, subject.id(), 0, 0, 0);
        }
    }

    /** Pools created before a dynamic attach are registered on their first probe event. */
    private Subject subjectOf(final Object pool) {
        final Subject known = subjects.find(pool);
        return known != null ? known : subjects.register(pool, Engine.EXECUTOR, CreationSite.BEFORE_ATTACH);
    }
}
