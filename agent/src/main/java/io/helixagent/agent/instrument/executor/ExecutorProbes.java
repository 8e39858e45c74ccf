package io.helixagent.agent.instrument.executor;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.agent.probe.ThreadNames;
import io.helixagent.core.feature.ExecutorFeature;
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
 * time into a fixed table slot chosen by the task's identity hash; the slot's owner word holds that hash and
 * how many submissions of that same object are still outstanding. When a worker takes the task and it is the
 * only outstanding submission of that object, the stamp is exactly its submit time. The same object queued
 * several times at once (a method reference such as {@code pool.execute(this::poll)} is one object) cannot
 * be told apart, so its wait is reported unknown rather than wrong; a collision with another task's slot
 * does the same. Unknown waits only thin the sample, and {@code pool.saturation} then estimates the wait
 * from queue length and throughput. Scheduled tasks carry their own due time: their wait is how late they
 * started.
 *
 * <h2>Run time</h2>
 * A worker alternates between {@code getTask} and running what it got. The time from taking a task to
 * asking for the next one (or exiting) is the run time, measured on the worker thread with one thread-local
 * {@code long[]}: a JDK type, so it pins nothing of the agent after detach.
 *
 * <h2>Cost</h2>
 * Per task: two identity-hash reads, two compare-and-sets on the stamp table, three clock reads, a
 * thread-local lookup and one ring-buffer record.
 * No allocation after a worker's first task.
 */
public final class ExecutorProbes {
    private static final int STAMP_SLOTS = 1 << 12;
    private static final int STAMP_MASK = STAMP_SLOTS - 1;
    private static final long OUTSTANDING_MASK = 0xFFFF_FFFFL;
    private static final int SUBJECT = 0;
    private static final int START = 1;
    private static final int WAIT = 2;
    private static final int RUNNING = 3;
    private static final int TASK_HASH = 4;

    private final RecordRing ring;
    private final SubjectRegistry subjects;
    /** Per slot: the identity hash of the stamped object (high half) and its outstanding submissions. */
    private final AtomicLongArray owners = new AtomicLongArray(STAMP_SLOTS);
    /** Per slot: {@code System.nanoTime()} of the latest submission. */
    private final AtomicLongArray submitted = new AtomicLongArray(STAMP_SLOTS);
    /** Per slot: identity hash (high half) of the task that finished last in this slot, for fan-outs. */
    private final AtomicLongArray finishedOwner = new AtomicLongArray(STAMP_SLOTS);
    /** Per slot: {@code System.nanoTime()} when that task finished. */
    private final AtomicLongArray finished = new AtomicLongArray(STAMP_SLOTS);
    private final ThreadLocal<long[]> worker = ThreadLocal.withInitial(() -> new long[5]);

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
            subjects.register(pool, ExecutorFeature.KIND, CreationSite.of(pool));
        }
    }

    public void submitted(final Object task) {
        if (task == null || task instanceof Delayed) {
            return;
        }
        final int hash = System.identityHashCode(task);
        final int slot = hash & STAMP_MASK;
        submitted.lazySet(slot, System.nanoTime());
        long owner;
        long next;
        do {
            owner = owners.get(slot);
            next = (int) (owner >>> 32) == hash && (owner & OUTSTANDING_MASK) != 0 ? owner + 1 : ((long) hash << 32) | 1;
        } while (!owners.compareAndSet(slot, owner, next));
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
        state[TASK_HASH] = System.identityHashCode(task);
        state[RUNNING] = 1;
    }

    private long waitNanos(final Object task, final long now) {
        if (task instanceof Delayed) {
            return Math.max(0, -((Delayed) task).getDelay(TimeUnit.NANOSECONDS));
        }
        final int hash = System.identityHashCode(task);
        final int slot = hash & STAMP_MASK;
        long owner;
        do {
            owner = owners.get(slot);
            if ((int) (owner >>> 32) != hash || (owner & OUTSTANDING_MASK) == 0) {
                return -1;
            }
        } while (!owners.compareAndSet(slot, owner, owner - 1));
        return (owner & OUTSTANDING_MASK) == 1 ? Math.max(0, now - submitted.get(slot)) : -1;
    }

    public void idle() {
        final long[] state = worker.get();
        if (state[RUNNING] == 0) {
            return;
        }
        state[RUNNING] = 0;
        final long now = System.nanoTime();
        final int slot = (int) state[TASK_HASH] & STAMP_MASK;
        finished.lazySet(slot, now);
        finishedOwner.lazySet(slot, state[TASK_HASH] << 32);
        ring.publish(RecordType.EXECUTOR_TASK, (int) state[SUBJECT], 0, state[WAIT], now - state[START]);
    }

    /**
     * @return when {@code task} last finished on a worker, {@code System.nanoTime()}, or 0 when unknown (not run
     *     by an instrumented pool, or its slot reused since).
     */
    long finishedAt(final Object task) {
        final int hash = System.identityHashCode(task);
        final int slot = hash & STAMP_MASK;
        return finishedOwner.get(slot) == (long) hash << 32 ? finished.get(slot) : 0;
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
        return known != null ? known : subjects.register(pool, ExecutorFeature.KIND, CreationSite.BEFORE_ATTACH);
    }
}
