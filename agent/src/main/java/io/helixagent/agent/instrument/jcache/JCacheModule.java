package io.helixagent.agent.instrument.jcache;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code jcache}: every {@code javax.cache.Cache} (JSR 107), whatever the provider, through the standard API only.
 * <p>
 * Providers implement the API in their own classes, so this module cannot match by name: it is the one module
 * with hierarchy matchers, kept cheap in two steps. Only class loaders that can see {@code javax.cache.Cache}
 * are considered (one resource look-up per loader, remembered), and only classes that declare the hooked method
 * have their hierarchy resolved.
 * <ul>
 *   <li>constructors of {@code javax.cache.Cache} implementations: register the cache and the code that asked the
 *       {@code CacheManager} for it (frames of the provider's package skipped); its name is read later with
 *       {@code getName()};</li>
 *   <li>{@code get(K)}: a get, a miss when it returns null or when a read-through loader ran during it;</li>
 *   <li>{@code load(K)} of {@code javax.cache.integration.CacheLoader} implementations: the read-through load and
 *       its time, attributed to the get running on the same thread.</li>
 * </ul>
 * The standard API does not report evictions, expirations or size (statistics are the provider's, and off by
 * default): {@code cache.hit-rate} judges JCache caches by hit rate, distinct keys and the configured expiry.
 * Tested with Caffeine's provider (com.github.ben-manes.caffeine:jcache); any JSR 107 1.0+ provider.
 */
public final class JCacheModule implements InstrumentationModule {
    private static final String CACHE = "javax.cache.Cache";
    private static final String LOADER = "javax.cache.integration.CacheLoader";
    private static final ElementMatcher.Junction<MethodDescription> GET =
        named("get").and(takesArguments(1)).and(not(isBridge())).and(not(isAbstract()));
    private static final ElementMatcher.Junction<MethodDescription> LOAD =
        named("load").and(takesArguments(1)).and(not(isBridge())).and(not(isAbstract()));

    @Override
    public String id() {
        return "jcache";
    }

    @Override
    public String supports() {
        return "JCache (javax.cache:cache-api 1.0+), any provider";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        final SeesType seesJCache = new SeesType(CACHE);
        return builder
            .type(not(isInterface()).and(declaresMethod(GET)).and(hasSuperType(named(CACHE))), seesJCache)
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Constructed.class).on(isConstructor()))
                .visit(Advice.to(Get.class).on(GET)))
            .type(not(isInterface()).and(declaresMethod(LOAD)).and(hasSuperType(named(LOADER))), seesJCache)
            .transform((b, type, loader, module, domain) -> b.visit(Advice.to(Load.class).on(LOAD)));
    }

    /** Registers the cache once its constructor has run; null: the provider's package is the library's. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache) {
            Probes.cacheCreated(cache, null);
        }
    }

    /** Brackets a get, so that a read-through load inside it makes it a miss. */
    public static final class Get {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object cache) {
            Probes.cacheGetStarted(cache);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object cache, @Advice.Argument(0) final Object key,
                                @Advice.Return final Object value) {
            Probes.cacheGetFinished(cache, key, value);
        }
    }

    /** A read-through load and its time. */
    public static final class Load {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter final long start, @Advice.Return final Object value,
                                @Advice.Thrown final Throwable thrown) {
            Probes.cacheLoaderFinished(value, System.nanoTime() - start, thrown != null);
        }
    }

    /**
     * Matches class loaders that can load a type, looked up once per loader: the cheap test that keeps hierarchy
     * matching away from applications without JCache. The bootstrap loader never holds JCache.
     */
    static final class SeesType extends ElementMatcher.Junction.AbstractBase<ClassLoader> {
        private final String resource;
        private final Map<ClassLoader, Boolean> seen = new WeakHashMap<>();

        SeesType(final String typeName) {
            this.resource = typeName.replace('.', '/') + ".class";
        }

        @Override
        public synchronized boolean matches(final ClassLoader loader) {
            return loader != null && seen.computeIfAbsent(loader, l -> l.getResource(resource) != null);
        }
    }
}
