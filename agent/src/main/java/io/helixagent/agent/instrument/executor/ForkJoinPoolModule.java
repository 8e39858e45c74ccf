package io.helixagent.agent.instrument.executor;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code forkjoin}: {@code java.util.concurrent.ForkJoinPool}, common and custom, in {@code pool.saturation}.
 * <ul>
 *   <li>{@code ForkJoinPool} constructors: register the pool (the common pool is registered by the runtime at
 *       start, because it is usually created before any application code runs);</li>
 *   <li>{@code ForkJoinTask.doExec()}: the one method every pool thread runs a task through, for every kind of
 *       task ({@code RecursiveTask}, {@code CompletableFuture} async stages, submitted {@code Runnable}s). Only
 *       the outermost execution on a thread is timed: tasks a worker runs while joining are part of it.</li>
 * </ul>
 * Queue lengths, active threads, parallelism and steals are sampled from the pool's public API once a second.
 * {@code doExec} returns {@code int} on Java 17 and {@code void} on 25; the advice reads no return value.
 */
public final class ForkJoinPoolModule implements InstrumentationModule {
    @Override
    public String id() {
        return "forkjoin";
    }

    @Override
    public String supports() {
        return "java.util.concurrent.ForkJoinPool and ForkJoinTask (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder
            .type(named("java.util.concurrent.ForkJoinPool"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Constructed.class).on(isConstructor())))
            .type(named("java.util.concurrent.ForkJoinTask"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Exec.class).on(named("doExec").and(takesArguments(0)))));
    }

    /** Registers the pool once its constructor has run. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool) {
            Probes.executorCreated(pool);
        }
    }

    /** Times the outermost task execution on each thread. */
    public static final class Exec {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return Probes.forkJoinTaskStarted();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.Enter final long startNanos) {
            Probes.forkJoinTaskDone(startNanos);
        }
    }
}
