package io.helixagent.agent.instrument.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.helixagent.agent.instrument.Instrumenter;
import io.helixagent.agent.instrument.disruptor.DisruptorModule;
import io.helixagent.agent.instrument.guava.GuavaEventBusModule;
import io.helixagent.bridge.ProbeSink;
import io.helixagent.bridge.Probes;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Guava and Disruptor modules woven into the real libraries of this JVM (Guava 33, Disruptor 3.4), with a
 * sink that records what the advice reports. The JDK's own classes (Flow, java.beans) cannot reach a bridge
 * outside the bootstrap loader here; the integration tests cover them with the packaged agent.
 */
class LibraryModulesTest {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private Instrumenter instrumenter;

    @BeforeEach
    void weave() {
        instrumenter = new Instrumenter(ByteBuddyAgent.install(), List.of(new GuavaEventBusModule(),
            new DisruptorModule()));
        Probes.install(recordingSink(), null);
    }

    @AfterEach
    void unweave() {
        Probes.install(null, null);
        instrumenter.reset();
    }

    @Test
    void shouldReportGuavaPostsHandlingDeadEventsAndRegistrations() {
        final EventBus bus = new EventBus("orders");
        final Audit audit = new Audit();
        bus.register(audit);
        bus.post("order-1");
        bus.post(42);
        bus.unregister(audit);

        assertTrue(calls.contains("created orders"), calls.toString());
        assertTrue(calls.contains("added EventBus " + audit), calls.toString());
        assertTrue(calls.contains("handled " + Audit.class.getName() + ".onOrder"), calls.toString());
        assertTrue(calls.contains("dead"), calls.toString());
        assertTrue(calls.contains("removed " + audit), calls.toString());
        assertEquals(3, calls.stream().filter("published 0"::equals).count(), "two posts and the DeadEvent's: "
            + calls);
    }

    @Test
    void shouldCountDispatchesTheAsyncBusExecutorRejects() {
        final EventBus bus = new AsyncEventBus("rejecting", task -> {
            throw new RejectedExecutionException("full");
        });
        bus.register(new Audit());
        assertThrows(RejectedExecutionException.class, () -> bus.post("order-2"));
        assertTrue(calls.contains("dropped 1"), calls.toString());
        assertTrue(calls.contains("published 0"), "a post that throws is still timed: " + calls);
    }

    @Test
    void shouldCountFailedClaimsOfAFullDisruptorRing() {
        final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], 4);
        ring.addGatingSequences(new Sequence(-1));
        int failed = 0;
        for (int i = 0; i < 6; i++) {
            failed += ring.tryPublishEvent((slot, sequence) -> slot[0] = sequence) ? 0 : 1;
        }
        assertEquals(2, failed);
        assertEquals(2, calls.stream().filter("dropped 1"::equals).count(), calls.toString());
        assertTrue(calls.contains("created null"), calls.toString());
    }

    /** A Guava subscriber. */
    public static final class Audit {
        @Subscribe
        public void onOrder(final String order) {
            // handled
        }
    }

    /**
     * A sink that records the event and listener probes as short strings and ignores the others, whatever the
     * bridge grows: a proxy, so that new bridge methods need no change here.
     */
    private ProbeSink recordingSink() {
        return (ProbeSink) Proxy.newProxyInstance(ProbeSink.class.getClassLoader(), new Class<?>[] {ProbeSink.class},
            (proxy, method, args) -> {
                final String call = describe(method.getName(), args);
                if (call != null) {
                    calls.add(call);
                }
                return method.getReturnType() == long.class ? 0L : null;
            });
    }

    private static String describe(final String probe, final Object[] args) {
        return switch (probe) {
            case "publisherCreated" -> "created " + args[1];
            case "eventPublished" -> "published " + args[2];
            case "eventsDropped" -> "dropped " + args[1];
            case "eventHandled" -> "handled " + ((Method) args[1]).getDeclaringClass().getName() + "."
                + ((Method) args[1]).getName();
            case "deadEvent" -> "dead";
            case "listenerAdded" -> "added " + args[1] + " " + args[0];
            case "listenerRemoved" -> "removed " + args[0];
            default -> null;
        };
    }
}
