package io.helixagent.agent.instrument.guava;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
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
 * {@code guava-cache}: every Guava {@code Cache} and {@code LoadingCache}, which {@code CacheBuilder} builds as
 * wrappers around one {@code LocalCache} split into {@code Segment}s. The hooks are where Guava's own
 * {@code StatsCounter} counts, so the numbers mean what {@code recordStats()} would report:
 * <ul>
 *   <li>{@code LocalCache} constructor: register the cache and the code that called the builder;</li>
 *   <li>{@code LocalCache.getIfPresent(Object)}, on return: a get and, when null, a miss;</li>
 *   <li>{@code LocalCache.get(K, CacheLoader)}, on entry: a get of {@code LoadingCache.get},
 *       {@code getUnchecked} and {@code Cache.get(K, Callable)};</li>
 *   <li>{@code Segment.loadSync}: a miss that loads, and its load time; {@code Segment.waitForLoadingValue}: a
 *       miss that waits for another thread's load of the same key (Guava counts both as misses);</li>
 *   <li>{@code Segment.enqueueNotification}: every removal with its {@code RemovalCause} (evictions by size and
 *       expirations are counted).</li>
 * </ul>
 * These internals are unchanged since Guava 11; tested with 33. A version lacking one of them is left
 * uninstrumented with one log line.
 */
public final class GuavaCacheModule implements InstrumentationModule {
    /** Guava's cache package: its frames are not the creator of a cache. */
    public static final String PACKAGE = "com.google.common.cache.";
    private static final String LOCAL_CACHE = PACKAGE + "LocalCache";

    private static final ElementMatcher.Junction<MethodDescription> GET_IF_PRESENT =
        named("getIfPresent").and(takesArguments(1)).and(not(returns(void.class)));
    private static final ElementMatcher.Junction<MethodDescription> GET_WITH_LOADER =
        named("get").and(takesArguments(2)).and(takesArgument(1, named(PACKAGE + "CacheLoader")));
    private static final ElementMatcher.Junction<MethodDescription> LOAD_SYNC =
        named("loadSync").and(takesArguments(4)).and(not(returns(void.class)));
    private static final ElementMatcher.Junction<MethodDescription> WAIT_FOR_LOADING_VALUE =
        named("waitForLoadingValue").and(takesArguments(3));
    private static final ElementMatcher.Junction<MethodDescription> ENQUEUE_NOTIFICATION =
        named("enqueueNotification").and(takesArguments(5)).and(takesArgument(4, named(PACKAGE + "RemovalCause")));

    @Override
    public String id() {
        return "guava-cache";
    }

    @Override
    public String supports() {
        return "Guava Cache and LoadingCache, CacheBuilder (com.google.guava:guava 11+, tested with 33)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder
            .type(named(LOCAL_CACHE))
            .transform((b, type, loader, module, domain) -> !RequiredMethods.present(id(), type,
                List.of(GET_IF_PRESENT, GET_WITH_LOADER)) ? b
                : b.visit(Advice.to(Constructed.class).on(isConstructor().and(takesArguments(2))))
                    .visit(Advice.to(GetIfPresent.class).on(GET_IF_PRESENT))
                    .visit(Advice.to(GetWithLoader.class).on(GET_WITH_LOADER)))
            .type(named(LOCAL_CACHE + "$Segment"))
            .transform((b, type, loader, module, domain) -> !RequiredMethods.present(id(), type,
                List.of(LOAD_SYNC, WAIT_FOR_LOADING_VALUE, ENQUEUE_NOTIFICATION)) ? b
                : b.visit(Advice.to(LoadSync.class).on(LOAD_SYNC))
                    .visit(Advice.to(WaitForLoadingValue.class).on(WAIT_FOR_LOADING_VALUE))
                    .visit(Advice.to(EnqueueNotification.class).on(ENQUEUE_NOTIFICATION)));
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
                                @Advice.Return final Object value) {
            Probes.cacheGet(cache, key, value != null);
        }
    }

    /** A get that hits unless its segment loads or waits for a load. */
    public static final class GetWithLoader {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object cache, @Advice.Argument(0) final Object key) {
            Probes.cacheRequested(cache, key);
        }
    }

    /** A miss that loads: the segment reports it for its cache. */
    public static final class LoadSync {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.FieldValue("map") final Object cache, @Advice.Enter final long start,
                                @Advice.Return final Object value, @Advice.Thrown final Throwable thrown) {
            Probes.cacheLoaded(cache, value, System.nanoTime() - start, thrown != null);
        }
    }

    /** A miss that waited for another thread's load of the same key. */
    public static final class WaitForLoadingValue {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.FieldValue("map") final Object cache) {
            Probes.cacheMissed(cache);
        }
    }

    /** Every removal, with its cause. */
    public static final class EnqueueNotification {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.FieldValue("map") final Object cache,
                                 @Advice.Argument(4) final Object cause) {
            Probes.cacheRemoved(cache, cause);
        }
    }
}
