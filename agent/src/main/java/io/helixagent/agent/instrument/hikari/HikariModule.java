package io.helixagent.agent.instrument.hikari;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.TypeShape;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code hikaricp}: HikariCP pools, versions 4.0.3 to 7.1 (tested on both ends), by class name only.
 * <ul>
 *   <li>{@code HikariPool(HikariConfig)}: register the pool, where it was created, and the configuration its
 *       limits are read from (a {@code HikariDataSource} is its own configuration);</li>
 *   <li>{@code HikariPool.getConnection(long)}: every acquisition, timed, with its outcome; the no-argument
 *       overload and {@code HikariDataSource.getConnection()} both end here, so each is counted once;</li>
 *   <li>{@code PoolEntry.createProxyConnection}: the entry is handed out, wrapped in the proxy the application
 *       gets (the last step of a successful acquisition);</li>
 *   <li>{@code PoolEntry.recycle}: called by the proxy's {@code close()} only, when the entry goes back.</li>
 * </ul>
 * Those methods and the fields the advice reads ({@code config}, {@code hikariPool}) have kept their names
 * from 4.0 through 7.1, while their arguments changed; a version without them is left untouched.
 */
public final class HikariModule implements InstrumentationModule {
    private static final String ID = "hikaricp";
    private static final TypeShape POOL = TypeShape.of(ID).method("<init>", 1).method("getConnection", 1)
        .field("config");
    private static final TypeShape ENTRY = TypeShape.of(ID).method("createProxyConnection", -1)
        .method("recycle", -1).field("hikariPool");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String supports() {
        return "HikariCP 4.0.3 to 7.1 (com.zaxxer.hikari.pool.HikariPool)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("com.zaxxer.hikari.pool.HikariPool"))
            .transform((b, type, loader, module, domain) -> POOL.matches(type) ? b
                .visit(Advice.to(Created.class).on(isConstructor().and(takesArguments(1))))
                .visit(Advice.to(GetConnection.class).on(named("getConnection").and(takesArguments(long.class))))
                : b)
            .type(named("com.zaxxer.hikari.pool.PoolEntry"))
            .transform((b, type, loader, module, domain) -> ENTRY.matches(type) ? b
                .visit(Advice.to(Leased.class).on(named("createProxyConnection")))
                .visit(Advice.to(Recycled.class).on(named("recycle")))
                : b);
    }

    /** Registers the pool once its constructor has run. */
    public static final class Created {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool, @Advice.Argument(0) final Object config) {
            Probes.hikariPoolCreated(pool, config);
        }
    }

    /** Times an acquisition. */
    public static final class GetConnection {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object pool, @Advice.FieldValue("config") final Object config,
                                @Advice.Enter final long start, @Advice.Thrown final Throwable thrown) {
            Probes.hikariConnectionAcquired(pool, config, start, thrown);
        }
    }

    /** Stamps the entry as handed out. */
    public static final class Leased {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object entry) {
            Probes.connectionLeased(entry);
        }
    }

    /** Ends the entry's hold as it goes back. */
    public static final class Recycled {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object entry, @Advice.FieldValue("hikariPool") final Object pool) {
            Probes.connectionReleased(pool, entry);
        }
    }
}
