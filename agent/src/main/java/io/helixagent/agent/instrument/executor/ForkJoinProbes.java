package io.helixagent.agent.instrument.executor;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.agent.probe.ThreadNames;
import io.helixagent.core.feature.ExecutorFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * What the {@code ForkJoinTask.doExec} probe does: time the outermost task execution of each pool thread.
 * A thread-local depth counter ({@code int[]}, a JDK type that pins nothing after detach) tells nested
 * executions (subtasks run while joining) from outermost ones; only outermost ones read the clock. Tasks
 * run by threads outside any pool (a caller helping with a join) are not the pool's work and are skipped.
 * Queue wait is not measured per task: {@code pool.saturation} estimates it from queue length and throughput.
 */
public final class ForkJoinProbes {
    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * @param ring     where records go.
     * @param subjects where pools are registered.
     */
    public ForkJoinProbes(final RecordRing ring, final SubjectRegistry subjects) {
        this.ring = ring;
        this.subjects = subjects;
    }

    /** Registers the JDK's common pool, which exists before any application code can be woven. */
    public void registerCommonPool() {
        final Subject common = subjects.register(ForkJoinPool.commonPool(), ExecutorFeature.KIND,
            "java.util.concurrent.ForkJoinPool.commonPool()");
        if (common != null) {
            common.nameIfAbsent("ForkJoinPool.commonPool");
        }
    }

    /** @return the start time, or 0 when nested. */
    public long started() {
        return depth.get()[0]++ == 0 ? System.nanoTime() : 0;
    }

    /** Ends an execution started with {@code startNanos}. */
    public void done(final long startNanos) {
        depth.get()[0]--;
        if (startNanos == 0 || !(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
            return;
        }
        final ForkJoinWorkerThread worker = (ForkJoinWorkerThread) Thread.currentThread();
        final ForkJoinPool pool = worker.getPool();
        Subject subject = subjects.find(pool);
        if (subject == null) {
            subject = subjects.register(pool, ExecutorFeature.KIND, CreationSite.BEFORE_ATTACH);
            if (subject == null) {
                return;
            }
        }
        if (subject.name() == null) {
            subject.nameIfAbsent(ThreadNames.prefixOf(worker.getName()));
        }
        ring.publish(RecordType.EXECUTOR_TASK, subject.id(), 0, -1, System.nanoTime() - startNanos);
    }
}
