package io.helixagent.agent.instrument.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.TypeShape;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code jdk-urlconnection}: {@code HttpURLConnection} for {@code http} and {@code https} URLs, through the
 * JDK's implementation {@code sun.net.www.protocol.http.HttpURLConnection} (the HTTPS connection delegates to a
 * subclass of it).
 * <ul>
 *   <li>{@code plainConnect()}: every connection attempt, whether from {@code connect} or implied by a later
 *       step; the HTTPS subclass overrides {@code connect} but still calls it. The first attempt starts the
 *       exchange's clock; one that throws ends the exchange there (a connect timeout);</li>
 *   <li>{@code getInputStream()}: the response headers arrived or the exchange failed;
 *       {@code getResponseCode} and the header getters come through it, and only its first return counts.</li>
 * </ul>
 * Present with these signatures in Java 17 through 25; a JDK without them leaves the class untouched.
 */
public final class UrlConnectionModule implements InstrumentationModule {
    private static final String ID = "jdk-urlconnection";
    private static final TypeShape CONNECTION = TypeShape.of(ID).method("plainConnect", 0)
        .method("getInputStream", 0).field("url");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String supports() {
        return "java.net.HttpURLConnection for http and https (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("sun.net.www.protocol.http.HttpURLConnection"))
            .transform((b, type, loader, module, domain) -> CONNECTION.matches(type) ? b
                .visit(Advice.to(PlainConnect.class).on(named("plainConnect").and(takesArguments(0))))
                .visit(Advice.to(GetInputStream.class).on(named("getInputStream").and(takesArguments(0))))
                : b);
    }

    /** Starts the exchange's clock; ends the exchange if connecting failed. */
    public static final class PlainConnect {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object connection) {
            Probes.urlConnectionStarted(connection);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object connection, @Advice.FieldValue("url") final Object url,
                                @Advice.Thrown final Throwable thrown) {
            Probes.urlConnectionEnded(connection, url, thrown, true);
        }
    }

    /** Ends the exchange when the response (or its failure) is known. */
    public static final class GetInputStream {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.This final Object connection, @Advice.FieldValue("url") final Object url,
                                @Advice.Thrown final Throwable thrown) {
            Probes.urlConnectionEnded(connection, url, thrown, false);
        }
    }
}
