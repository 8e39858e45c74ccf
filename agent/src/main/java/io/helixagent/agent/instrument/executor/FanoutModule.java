package io.helixagent.agent.instrument.executor;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import java.util.Collection;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code fanout}: parallel fan-outs, for {@code fanout.straggler}.
 * <ul>
 *   <li>{@code AbstractExecutorService.invokeAll(tasks)} and {@code invokeAll(tasks, timeout, unit)}: the
 *       implementation every {@code ThreadPoolExecutor} inherits; it returns only when every member is done
 *       (or cancelled by the timeout), so the exit advice sees the whole fan-out;</li>
 *   <li>{@code CompletableFuture.allOf(cfs...)}: the exit advice hands the members and the combined future
 *       over, and the handler times the members as they complete.</li>
 * </ul>
 * Both exist with these signatures in Java 17 through 25.
 */
public final class FanoutModule implements InstrumentationModule {
    @Override
    public String id() {
        return "fanout";
    }

    @Override
    public String supports() {
        return "AbstractExecutorService.invokeAll and CompletableFuture.allOf (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder
            .type(named("java.util.concurrent.AbstractExecutorService"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(InvokeAll.class).on(named("invokeAll").and(takesArgument(0, Collection.class))
                    .and(takesArguments(1).or(takesArguments(3))))))
            .type(named("java.util.concurrent.CompletableFuture"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(AllOf.class).on(named("allOf").and(isStatic()).and(takesArguments(1)))));
    }

    /** Times an {@code invokeAll} from entry to return. */
    public static final class InvokeAll {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return Probes.fanoutStarted();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool, @Advice.Return final Object futures,
                                @Advice.Enter final long startNanos) {
            Probes.fanoutInvokeAll(pool, futures, startNanos);
        }
    }

    /** Hands the members of an {@code allOf} and its combined future to the handler. */
    public static final class AllOf {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return Probes.fanoutStarted();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object[] members, @Advice.Return final Object all,
                                @Advice.Enter final long startNanos) {
            Probes.fanoutAllOf(members, all, startNanos);
        }
    }
}
