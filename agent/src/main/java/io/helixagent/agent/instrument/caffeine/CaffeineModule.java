package io.helixagent.agent.instrument.caffeine;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.RequiredMethods;
import io.helixagent.bridge.Probes;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code caffeine}: every Caffeine {@code Cache}, {@code LoadingCache} and {@code AsyncCache}, 2.9 and 3.x.
 * <p>
 * Caffeine builds each cache as a generated subclass ({@code SSMS}, {@code FSAW}, ...) of one of two classes,
 * chosen by the features configured, and the public {@code Cache} types are thin wrappers around it. The hooks are
 * methods of those two base classes that no generated subclass overrides, so two name-only type matchers cover
 * every configuration; they are the methods at which Caffeine's own statistics count (its {@code StatsCounter}
 * calls), so the numbers mean what {@code recordStats()} would report, without turning statistics on.
 * <ul>
 *   <li>constructors of {@code BoundedLocalCache} and {@code UnboundedLocalCache}: register the cache and the code
 *       that called the builder;</li>
 *   <li>{@code getIfPresent(Object, boolean)}, on return: a get and, when it returned null, a miss. The flag is
 *       Caffeine's own "count this call" ({@code Cache.getIfPresent} passes true, the map view false);</li>
 *   <li>{@code computeIfAbsent(K, Function, boolean, boolean)}, on entry: a get of {@code Cache.get},
 *       {@code LoadingCache.get} and {@code AsyncCache.get} (same flag);</li>
 *   <li>bounded: {@code doComputeIfAbsent}, the slow path {@code computeIfAbsent} takes when the key is absent or
 *       expired: a miss, and its duration the load time; unbounded: the mapping lambda of
 *       {@code computeIfAbsent}, which runs exactly when the key is absent;</li>
 *   <li>bounded: {@code notifyEviction(K, V, RemovalCause)} (3.x; every eviction with its actual cause, including
 *       an expired entry replaced during a load), or the result of {@code evictEntry(Node, RemovalCause, long)}
 *       (2.9, which has no {@code notifyEviction}: evictions by the maintenance task).</li>
 * </ul>
 * Oldest version supported: 2.9. A version lacking one of these methods is left uninstrumented with one log line.
 */
public final class CaffeineModule implements InstrumentationModule {
    /** Caffeine's package: its frames are not the creator of a cache. */
    public static final String PACKAGE = "com.github.benmanes.caffeine.";
    private static final String BOUNDED = PACKAGE + "cache.BoundedLocalCache";
    private static final String UNBOUNDED = PACKAGE + "cache.UnboundedLocalCache";

    private static final ElementMatcher.Junction<MethodDescription> GET_IF_PRESENT =
        named("getIfPresent").and(takesArguments(2)).and(takesArgument(1, boolean.class))
            .and(not(returns(void.class)));
    private static final ElementMatcher.Junction<MethodDescription> COMPUTE_IF_ABSENT =
        named("computeIfAbsent").and(takesArguments(4)).and(takesArgument(2, boolean.class));
    private static final ElementMatcher.Junction<MethodDescription> DO_COMPUTE_IF_ABSENT =
        named("doComputeIfAbsent").and(takesArguments(5)).and(takesArgument(4, boolean.class))
            .and(not(returns(void.class)));
    private static final ElementMatcher.Junction<MethodDescription> NOTIFY_EVICTION =
        named("notifyEviction").and(takesArguments(3));
    private static final ElementMatcher.Junction<MethodDescription> EVICT_ENTRY =
        named("evictEntry").and(takesArguments(3)).and(takesArgument(2, long.class)).and(returns(boolean.class));
    /** javac's name for the lambda inside {@code computeIfAbsent}; its second captured value is recordStats. */
    private static final ElementMatcher.Junction<MethodDescription> MAPPING_LAMBDA =
        nameStartsWith("lambda$computeIfAbsent$").and(isSynthetic()).and(takesArguments(6))
            .and(takesArgument(1, boolean.class)).and(not(returns(void.class)));

    @Override
    public String id() {
        return "caffeine";
    }

    @Override
    public String supports() {
        return "Caffeine 2.9 and 3.x (com.github.ben-manes.caffeine:caffeine)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder
            .type(named(BOUNDED))
            .transform((b, type, loader, module, domain) -> {
                if (!RequiredMethods.present(id(), type, List.of(GET_IF_PRESENT, COMPUTE_IF_ABSENT,
                    DO_COMPUTE_IF_ABSENT, EVICT_ENTRY))) {
                    return b;
                }
                final boolean hasNotifyEviction = !type.getDeclaredMethods().filter(NOTIFY_EVICTION).isEmpty();
                return b.visit(Advice.to(Constructed.class).on(isConstructor()))
                    .visit(Advice.to(GetIfPresent.class).on(GET_IF_PRESENT))
                    .visit(Advice.to(ComputeIfAbsent.class).on(COMPUTE_IF_ABSENT))
                    .visit(Advice.to(DoComputeIfAbsent.class).on(DO_COMPUTE_IF_ABSENT))
                    .visit(hasNotifyEviction ? Advice.to(NotifyEviction.class).on(NOTIFY_EVICTION)
                        : Advice.to(EvictEntry.class).on(EVICT_ENTRY));
            })
            .type(named(UNBOUNDED))
            .transform((b, type, loader, module, domain) -> {
                if (!RequiredMethods.present(id(), type, List.of(GET_IF_PRESENT, COMPUTE_IF_ABSENT,
                    MAPPING_LAMBDA))) {
                    return b;
                }
                return b.visit(Advice.to(Constructed.class).on(isConstructor()))
                    .visit(Advice.to(GetIfPresent.class).on(GET_IF_PRESENT))
                    .visit(Advice.to(ComputeIfAbsent.class).on(COMPUTE_IF_ABSENT))
                    .visit(Advice.to(MappingLambda.class).on(MAPPING_LAMBDA));
            });
    }

    /** Registers the cache once its constructor has run ({@code PACKAGE} is a constant javac inlines). */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache) {
            Probes.cacheCreated(cache, PACKAGE);
        }
    }

    /** A get whose result tells hit from miss. */
    public static final class GetIfPresent {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache, @Advice.Argument(0) final Object key,
                                @Advice.Argument(1) final boolean recordStats, @Advice.Return final Object value) {
            if (recordStats) {
                Probes.cacheGet(cache, key, value != null);
            }
        }
    }

    /** A get that hits unless the slow path (or the mapping lambda) reports a miss. */
    public static final class ComputeIfAbsent {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object cache, @Advice.Argument(0) final Object key,
                                 @Advice.Argument(2) final boolean recordStats) {
            if (recordStats) {
                Probes.cacheRequested(cache, key);
            }
        }
    }

    /** The bounded cache's slow path: a miss and its load time. */
    public static final class DoComputeIfAbsent {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache, @Advice.Argument(4) final boolean recordStats,
                                @Advice.Enter final long start, @Advice.Return final Object value,
                                @Advice.Thrown final Throwable thrown) {
            if (recordStats) {
                Probes.cacheLoaded(cache, value, System.nanoTime() - start, thrown != null);
            }
        }
    }

    /** The unbounded cache's mapping lambda: runs only for an absent key. */
    public static final class MappingLambda {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache, @Advice.Argument(1) final boolean recordStats,
                                @Advice.Enter final long start, @Advice.Return final Object value,
                                @Advice.Thrown final Throwable thrown) {
            if (recordStats) {
                Probes.cacheLoaded(cache, value, System.nanoTime() - start, thrown != null);
            }
        }
    }

    /** 3.x: every eviction, with its actual cause. */
    public static final class NotifyEviction {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object cache, @Advice.Argument(2) final Object cause) {
            Probes.cacheRemoved(cache, cause);
        }
    }

    /** 2.9: an eviction by the maintenance task, when it succeeded. */
    public static final class EvictEntry {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache, @Advice.Argument(1) final Object cause,
                                @Advice.Return final boolean evicted) {
            if (evicted) {
                Probes.cacheRemoved(cache, cause);
            }
        }
    }
}
