package io.helixagent.agent.instrument.executor;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code executor}: {@code java.util.concurrent.ThreadPoolExecutor}, which covers its subclasses
 * ({@code ScheduledThreadPoolExecutor}, application subclasses) and the pools behind {@code Executors.new*}
 * without matching any type hierarchy: every hook is a method of the base class that subclasses inherit.
 * <ul>
 *   <li>constructors: register the pool and where it was created;</li>
 *   <li>{@code execute(Runnable)}: stamp the task's submit time ({@code submit} and {@code invokeAll} call
 *       {@code execute}; scheduled tasks bypass it and carry their own due time);</li>
 *   <li>{@code getTask()}: entry means the worker's previous task is done, exit hands it the next task;</li>
 *   <li>{@code reject(Runnable)}: every rejection, whatever the handler does with it;</li>
 *   <li>{@code processWorkerExit}: a worker ending after a task that threw.</li>
 * </ul>
 * Present with these signatures in Java 17 through 25; a JDK without them leaves the class untouched.
 */
public final class ThreadPoolExecutorModule implements InstrumentationModule {
    @Override
    public String id() {
        return "executor";
    }

    @Override
    public String supports() {
        return "java.util.concurrent.ThreadPoolExecutor (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("java.util.concurrent.ThreadPoolExecutor"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Constructed.class).on(isConstructor()))
                .visit(Advice.to(Execute.class).on(named("execute").and(takesArguments(Runnable.class))))
                .visit(Advice.to(GetTask.class).on(named("getTask").and(takesArguments(0))))
                .visit(Advice.to(Reject.class).on(named("reject").and(takesArguments(Runnable.class))))
                .visit(Advice.to(WorkerExit.class).on(named("processWorkerExit").and(takesArguments(2)))));
    }

    /** Registers the pool once its constructor has run. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool) {
            Probes.executorCreated(pool);
        }
    }

    /** Stamps the task's submit time. */
    public static final class Execute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object pool, @Advice.Argument(0) final Object task) {
            Probes.executorSubmitted(pool, task);
        }
    }

    /** Ends the previous task on entry; starts the next on exit. */
    public static final class GetTask {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object pool) {
            Probes.executorWorkerIdle(pool);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool, @Advice.Return final Object task) {
            Probes.executorTaskTaken(pool, task);
        }
    }

    /** Counts a rejection before the handler runs. */
    public static final class Reject {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object pool) {
            Probes.executorRejected(pool);
        }
    }

    /** Ends the task of a worker that exits because the task threw. */
    public static final class WorkerExit {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object pool) {
            Probes.executorWorkerIdle(pool);
        }
    }
}
