package io.helixagent.agent.instrument.httpclient5;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.TypeShape;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code httpclient5}: Apache HttpClient 5, versions 5.1 to 5.6 (tested on both ends), by class name only.
 * <ul>
 *   <li>{@code PoolingHttpClientConnectionManager} and {@code PoolingAsyncClientConnectionManager}
 *       constructors: register the pool and where it was created (its figures are sampled each tick);</li>
 *   <li>{@code InternalExecRuntime.acquireEndpoint}: every classic request's wait for a pooled connection,
 *       with its outcome ({@code ConnectionRequestTimeoutException} is a lease timeout); it leases and waits
 *       in one place, where the manager's own lease request is an anonymous class;</li>
 *   <li>{@code PoolingHttpClientConnectionManager.release}: the endpoint goes back, ending its lease;</li>
 *   <li>{@code InternalHttpClient.doExecute} and {@code MinimalHttpClient.doExecute}: each classic call, timed
 *       against its target host; every {@code execute} overload ends there exactly once.</li>
 * </ul>
 * The async client's pool is sampled, its lease waits are not timed: its requests wait in callbacks, not in
 * a method that returns.
 */
public final class HttpClient5Module implements InstrumentationModule {
    private static final String ID = "httpclient5";
    private static final TypeShape POOLING = TypeShape.of(ID).method("<init>", -1).method("release", 3);
    private static final TypeShape ASYNC_POOLING = TypeShape.of(ID).method("<init>", -1);
    private static final TypeShape EXEC_RUNTIME = TypeShape.of(ID).method("acquireEndpoint", 4).field("manager")
        .field("endpointRef");
    private static final TypeShape CLIENT = TypeShape.of(ID).method("doExecute", 3);
    private static final String PACKAGE = "org.apache.hc.client5.http.impl.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String supports() {
        return "Apache HttpClient 5.1 to 5.6 (org.apache.httpcomponents.client5:httpclient5)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named(PACKAGE + "io.PoolingHttpClientConnectionManager"))
            .transform((b, type, loader, module, domain) -> POOLING.matches(type) ? b
                .visit(Advice.to(Created.class).on(isConstructor()))
                .visit(Advice.to(Release.class).on(named("release").and(takesArguments(3))))
                : b)
            .type(named(PACKAGE + "nio.PoolingAsyncClientConnectionManager"))
            .transform((b, type, loader, module, domain) -> ASYNC_POOLING.matches(type) ? b
                .visit(Advice.to(Created.class).on(isConstructor()))
                : b)
            .type(named(PACKAGE + "classic.InternalExecRuntime"))
            .transform((b, type, loader, module, domain) -> EXEC_RUNTIME.matches(type) ? b
                .visit(Advice.to(AcquireEndpoint.class).on(named("acquireEndpoint").and(takesArguments(4))))
                : b)
            .type(named(PACKAGE + "classic.InternalHttpClient").or(named(PACKAGE + "classic.MinimalHttpClient")))
            .transform((b, type, loader, module, domain) -> CLIENT.matches(type) ? b
                .visit(Advice.to(DoExecute.class).on(named("doExecute").and(takesArguments(3))))
                : b);
    }

    /** Registers the manager once a constructor has run (each constructor of a chain calls; once counts). */
    public static final class Created {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object manager) {
            Probes.httpPoolCreated(manager);
        }
    }

    /** Ends an endpoint's lease as it goes back. */
    public static final class Release {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object manager, @Advice.Argument(0) final Object endpoint) {
            Probes.connectionReleased(manager, endpoint);
        }
    }

    /** Times the wait for a pooled connection. */
    public static final class AcquireEndpoint {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.FieldValue("manager") final Object manager,
                                @Advice.FieldValue("endpointRef") final Object endpointRef,
                                @Advice.Enter final long start, @Advice.Thrown final Throwable thrown) {
            Probes.httpPoolAcquired(manager, endpointRef, start, thrown);
        }
    }

    /** Times a classic call. */
    public static final class DoExecute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object target, @Advice.Enter final long start,
                                @Advice.Thrown final Throwable thrown) {
            Probes.apacheHttpExecuted(target, start, thrown);
        }
    }
}
