package io.helixagent.agent.instrument.disruptor;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code disruptor}: LMAX Disruptor 3.x and 4.x rings, watched through their {@code Sequencer}, which holds the
 * cursor, the buffer size and the consumers' gating sequences (sampled each tick through its public methods).
 * <ul>
 *   <li>{@code RingBuffer(EventFactory, Sequencer)}: every factory ({@code RingBuffer.create*},
 *       {@code new Disruptor}) ends here; registers the sequencer and the application code that built the ring;</li>
 *   <li>{@code SingleProducerSequencer}/{@code MultiProducerSequencer.tryNext(int)} throwing: no free slot. Every
 *       {@code tryPublishEvent*} and {@code tryNext()} goes through it (they turn the exception into {@code false}),
 *       and the exception is only thrown when the ring is full, so the probe costs nothing on success.</li>
 * </ul>
 * Publishing itself is not woven: the ring's cursor, sampled each tick, says how many events were claimed.
 */
public final class DisruptorModule implements InstrumentationModule {
    @Override
    public String id() {
        return "disruptor";
    }

    @Override
    public String supports() {
        return "LMAX Disruptor rings (com.lmax:disruptor 3.0+, 4.x)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("com.lmax.disruptor.RingBuffer"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Constructed.class).on(isConstructor().and(takesArguments(2)))))
            .type(named("com.lmax.disruptor.SingleProducerSequencer")
                .or(named("com.lmax.disruptor.MultiProducerSequencer")))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(TryNext.class).on(named("tryNext").and(takesArguments(int.class)))));
    }

    /** Registers the ring's sequencer once the ring is built. */
    public static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(1) final Object sequencer) {
            Probes.publisherCreated(sequencer, null);
        }
    }

    /** Counts the events of a claim that found the ring full. */
    public static final class TryNext {
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        public static void exit(@Advice.This final Object sequencer, @Advice.Argument(0) final int n,
                                @Advice.Thrown final Throwable thrown) {
            if (thrown != null) {
                Probes.eventsDropped(sequencer, n);
            }
        }
    }
}
