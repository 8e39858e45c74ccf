package io.helixagent.agent.probe;

import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
import io.helixagent.bridge.ProbeSink;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's {@link ProbeSink}: routes each probe to its library's handler, and makes sure nothing a
 * handler does can reach the host: any throwable is counted and swallowed here, before the advice's own
 * {@code suppress} would have to.
 */
public final class RuntimeProbeSink implements ProbeSink {
    private final ExecutorProbes executor;
    private final ForkJoinProbes forkJoin;
    private final FanoutProbes fanout;
    private final AtomicLong errors = new AtomicLong();

    /**
     * @param executor the {@code ThreadPoolExecutor} handler.
     * @param forkJoin the {@code ForkJoinPool} handler.
     * @param fanout   the fan-out handler.
     */
    public RuntimeProbeSink(final ExecutorProbes executor, final ForkJoinProbes forkJoin, final FanoutProbes fanout) {
        this.executor = executor;
        this.forkJoin = forkJoin;
        this.fanout = fanout;
    }

    /** @return throwables caught from handlers. */
    public long errors() {
        return errors.get();
    }

    @Override
    public void executorCreated(final Object pool) {
        try {
            executor.created(pool);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorSubmitted(final Object pool, final Object task) {
        try {
            executor.submitted(task);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorTaskTaken(final Object pool, final Object task) {
        try {
            executor.taken(pool, task);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorWorkerIdle(final Object pool) {
        try {
            executor.idle();
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorRejected(final Object pool) {
        try {
            executor.rejected(pool);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public long forkJoinTaskStarted() {
        try {
            return forkJoin.started();
        } catch (final Throwable t) {
            errors.incrementAndGet();
            return 0;
        }
    }

    @Override
    public void forkJoinTaskDone(final long startNanos) {
        try {
            forkJoin.done(startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public long fanoutStarted() {
        try {
            return fanout.started();
        } catch (final Throwable t) {
            errors.incrementAndGet();
            return 0;
        }
    }

    @Override
    public void fanoutInvokeAll(final Object pool, final Object futures, final long startNanos) {
        try {
            fanout.invokeAll(futures, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void fanoutAllOf(final Object[] members, final Object all, final long startNanos) {
        try {
            fanout.allOf(members, all, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }
}
