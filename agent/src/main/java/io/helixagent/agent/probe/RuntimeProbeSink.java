package io.helixagent.agent.probe;

import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
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
    private final EventProbes events;
    private final ListenerProbes listeners;
    private final AtomicLong errors = new AtomicLong();

    /**
     * @param executor  the {@code ThreadPoolExecutor} handler.
     * @param forkJoin  the {@code ForkJoinPool} handler.
     * @param fanout    the fan-out handler.
     * @param events    the event publishers' handler.
     * @param listeners the listener registrations' handler.
     */
    public RuntimeProbeSink(final ExecutorProbes executor, final ForkJoinProbes forkJoin, final FanoutProbes fanout,
                            final EventProbes events, final ListenerProbes listeners) {
        this.executor = executor;
        this.forkJoin = forkJoin;
        this.fanout = fanout;
        this.events = events;
        this.listeners = listeners;
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

    @Override
    public void publisherCreated(final Object publisher, final String name) {
        try {
            events.created(publisher, name);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventPublished(final Object publisher, final long startNanos, final int result) {
        try {
            events.published(publisher, startNanos, result);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventsDropped(final Object publisher, final int count) {
        try {
            events.dropped(publisher, count);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventHandled(final Object publisher, final Object handler, final long startNanos) {
        try {
            events.handled(publisher, handler, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void deadEvent(final Object publisher) {
        try {
            events.dead(publisher);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void flowSubscribed(final Object publisher, final Object subscriber) {
        try {
            events.subscribed(publisher, subscriber);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void listenerAdded(final Object listener, final String container) {
        try {
            listeners.added(listener, container);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void listenerRemoved(final Object listener) {
        try {
            listeners.removed(listener);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }
}
