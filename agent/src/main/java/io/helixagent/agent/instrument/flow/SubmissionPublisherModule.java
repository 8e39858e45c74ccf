package io.helixagent.agent.instrument.flow;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import io.helixagent.core.feature.ListenerFeature;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code flow}: {@code java.util.concurrent.SubmissionPublisher} and its subscriptions.
 * <ul>
 *   <li>constructors: register the publisher and where it was created;</li>
 *   <li>{@code doOffer(item, nanos, onDrop)}: the one method behind {@code submit} and both {@code offer}s; its
 *       time is how long the publisher waited for buffer space, its negative result the items dropped;</li>
 *   <li>{@code subscribe(Subscriber)}: a new subscriber, for its handling times and {@code listeners.leak}
 *       (a null subscriber, which {@code subscribe} rejects, is ignored);</li>
 *   <li>{@code BufferedSubscription.consumeNext(Subscriber, item)}: one {@code onNext}, timed;</li>
 *   <li>{@code BufferedSubscription.closeOnError}/{@code closeOnComplete(Subscriber, ...)}: a subscription ends
 *       (cancelled, failed, or the publisher closed), counted only when this call closes it: its {@code ctl} had
 *       no {@code CLOSED} bit (0x1) before.</li>
 * </ul>
 * Present with these signatures in Java 17 through 25; a JDK without them leaves the class untouched, with one
 * log line.
 */
public final class SubmissionPublisherModule implements InstrumentationModule {
    @Override
    public String id() {
        return "flow";
    }

    @Override
    public String supports() {
        return "java.util.concurrent.SubmissionPublisher (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("java.util.concurrent.SubmissionPublisher"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Constructed.class).on(isConstructor()))
                .visit(Advice.to(Offer.class).on(named("doOffer").and(takesArguments(3))))
                .visit(Advice.to(Subscribe.class).on(named("subscribe").and(takesArguments(1)))))
            .type(named("java.util.concurrent.SubmissionPublisher$BufferedSubscription"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(ConsumeNext.class).on(named("consumeNext").and(takesArguments(2))))
                .visit(Advice.to(Close.class).on(named("closeOnError").and(takesArguments(2))
                    .or(named("closeOnComplete").and(takesArguments(1))))));
    }

    /** Registers the publisher once its constructor has run. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object publisher) {
            Probes.publisherCreated(publisher, null);
        }
    }

    /** Times one submit or offer and passes on its result (negative: items dropped). */
    public static final class Offer {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.This final Object publisher, @Advice.Enter final long start,
                                @Advice.Return final int result) {
            Probes.eventPublished(publisher, start, result);
        }
    }

    /**
     * A subscriber subscribes: a subscriber of the publisher, and a registration to be undone. On entry, because
     * {@code subscribe} starts the subscription on the publisher's executor, where it can be cancelled and closed
     * before {@code subscribe} returns.
     */
    public static final class Subscribe {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.This final Object publisher, @Advice.Argument(0) final Object subscriber) {
            Probes.flowSubscribed(publisher, subscriber);
            Probes.listenerAdded(subscriber, ListenerFeature.CONTAINER_FLOW);
        }
    }

    /** Times one {@code onNext}. */
    public static final class ConsumeNext {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object subscriber, @Advice.Enter final long start) {
            Probes.eventHandled(null, subscriber, start);
        }
    }

    /** Counts the end of a subscription, once: only the call that finds it open closes it. */
    public static final class Close {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static boolean enter(@Advice.FieldValue("ctl") final int ctl) {
            return (ctl & 1) == 0;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object subscriber, @Advice.Enter final boolean wasOpen) {
            if (wasOpen) {
                Probes.listenerRemoved(subscriber);
            }
        }
    }
}
