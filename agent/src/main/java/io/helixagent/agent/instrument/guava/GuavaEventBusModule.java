package io.helixagent.agent.instrument.guava;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import io.helixagent.core.log.AgentLog;
import io.helixagent.core.feature.ListenerFeature;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code guava-eventbus}: Guava's {@code EventBus} and {@code AsyncEventBus} (a subclass: every hook is in a base
 * class), from Guava 19.0, where {@code Subscriber} replaced {@code EventSubscriber}; tested with 33.x.
 * <ul>
 *   <li>{@code EventBus} constructors: register the bus, its identifier and where it was created;</li>
 *   <li>{@code EventBus.post(Object)}: every publish and how long it held the poster (for a synchronous bus, the
 *       subscribers' time; for an async one, handing off to the executor);</li>
 *   <li>{@code EventBus.register}/{@code unregister(Object)}: listener registrations, for {@code listeners.leak};</li>
 *   <li>{@code Subscriber.invokeSubscriberMethod(Object)}: the one place every dispatcher calls a listener method,
 *       on whatever thread runs it; its {@code bus} and {@code method} fields name publisher and subscriber
 *       ({@code SynchronizedSubscriber} calls it inside its lock, so lock waits are not handling time);</li>
 *   <li>{@code Subscriber.dispatchEvent(Object)} throwing: the bus's executor rejected the event (a bounded
 *       {@code AsyncEventBus} executor), so the subscriber never gets it;</li>
 *   <li>{@code DeadEvent(Object source, Object event)}: Guava builds one when an event has no subscriber.</li>
 * </ul>
 * An older Guava (no {@code Subscriber} class) is left alone as a whole, with one log line; a later one without
 * these fields or methods is left as it is, with one log line per class.
 */
public final class GuavaEventBusModule implements InstrumentationModule {
    private static final String SUBSCRIBER_CLASS_FILE = "com/google/common/eventbus/Subscriber.class";
    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public String id() {
        return "guava-eventbus";
    }

    @Override
    public String supports() {
        return "Guava EventBus and AsyncEventBus (com.google.guava:guava 19.0+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("com.google.common.eventbus.EventBus"))
            .transform((b, type, loader, module, domain) -> !supported(loader) ? b : b
                .visit(Advice.to(Constructed.class).on(isConstructor()))
                .visit(Advice.to(Post.class).on(named("post").and(takesArguments(Object.class))))
                .visit(Advice.to(Register.class).on(named("register").and(takesArguments(Object.class))))
                .visit(Advice.to(Unregister.class).on(named("unregister").and(takesArguments(Object.class)))))
            .type(named("com.google.common.eventbus.Subscriber"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Invoke.class).on(named("invokeSubscriberMethod").and(takesArguments(Object.class))))
                .visit(Advice.to(Dispatch.class).on(named("dispatchEvent").and(takesArguments(Object.class)))))
            .type(named("com.google.common.eventbus.DeadEvent"))
            .transform((b, type, loader, module, domain) -> !supported(loader) ? b : b
                .visit(Advice.to(Dead.class).on(isConstructor().and(takesArguments(Object.class, Object.class)))));
    }

    /**
     * @return true when {@code loader} holds a Guava of 19.0 or later, recognised by its {@code Subscriber} class;
     *     an older Guava is left alone as a whole (not half woven), with one log line.
     */
    private boolean supported(final ClassLoader loader) {
        if (loader != null && loader.getResource(SUBSCRIBER_CLASS_FILE) != null) {
            return true;
        }
        if (warned.compareAndSet(false, true)) {
            AgentLog.warn("Guava EventBus left unwatched: this Guava predates 19.0 (no " + SUBSCRIBER_CLASS_FILE + ")");
        }
        return false;
    }

    /** Registers the bus with its identifier once its constructor has run. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.This final Object bus, @Advice.FieldValue("identifier") final String name) {
            Probes.publisherCreated(bus, name);
        }
    }

    /** Times one {@code post}, including one that throws. */
    public static final class Post {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.This final Object bus, @Advice.Enter final long start) {
            Probes.eventPublished(bus, start, 0);
        }
    }

    /** Counts a registration that Guava accepted. */
    public static final class Register {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object listener) {
            Probes.listenerAdded(listener, ListenerFeature.CONTAINER_EVENTBUS);
        }
    }

    /** Counts a removal that Guava accepted (it throws for a listener that was not registered). */
    public static final class Unregister {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object listener) {
            Probes.listenerRemoved(listener);
        }
    }

    /** Times one call of a listener method, including one that throws. */
    public static final class Invoke {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.FieldValue("bus") final Object bus,
                                @Advice.FieldValue("method") final Method method, @Advice.Enter final long start) {
            Probes.eventHandled(bus, method, start);
        }
    }

    /** Counts an event the bus's executor would not take. */
    public static final class Dispatch {
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.FieldValue("bus") final Object bus, @Advice.Thrown final Throwable thrown) {
            if (thrown != null) {
                Probes.eventsDropped(bus, 1);
            }
        }
    }

    /** Counts an event that found no subscriber; {@code source} is the bus. */
    public static final class Dead {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object source) {
            Probes.deadEvent(source);
        }
    }
}
