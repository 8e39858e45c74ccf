package io.helixagent.agent.instrument.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.TypeShape;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code jdk-httpclient}: {@code java.net.http.HttpClient}, through its one implementation,
 * {@code jdk.internal.net.http.HttpClientImpl} (every client the builder makes, behind its facade).
 * <ul>
 *   <li>{@code send(request, handler)}: timed around the call; it runs the exchange through a private
 *       four-argument {@code sendAsync}, so it is not counted twice;</li>
 *   <li>{@code sendAsync(request, handler, pushPromiseHandler)}: the public two-argument overload delegates to
 *       it; the returned future says when the exchange ends.</li>
 * </ul>
 * Present with these signatures in Java 17 through 25; a JDK without them leaves the class untouched.
 */
public final class JdkHttpClientModule implements InstrumentationModule {
    private static final String ID = "jdk-httpclient";
    private static final TypeShape CLIENT = TypeShape.of(ID).method("send", 2).method("sendAsync", 3);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String supports() {
        return "java.net.http.HttpClient (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("jdk.internal.net.http.HttpClientImpl"))
            .transform((b, type, loader, module, domain) -> CLIENT.matches(type) ? b
                .visit(Advice.to(Send.class).on(named("send").and(takesArguments(2))))
                .visit(Advice.to(SendAsync.class).on(named("sendAsync").and(takesArguments(3))))
                : b);
    }

    /** Times a synchronous exchange. */
    public static final class Send {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object request, @Advice.Enter final long start,
                                @Advice.Thrown final Throwable thrown) {
            Probes.jdkHttpSent(request, start, thrown);
        }
    }

    /** Hands an asynchronous exchange's future to the probe, which times it to completion. */
    public static final class SendAsync {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object request, @Advice.Enter final long start,
                                @Advice.Return final Object future) {
            Probes.jdkHttpSentAsync(request, start, future);
        }
    }
}
