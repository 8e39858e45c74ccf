package io.helixagent.core.sample;

import io.helixagent.core.aggregate.PublisherAggregate;
import java.lang.reflect.Method;
import java.util.concurrent.SubmissionPublisher;

/**
 * Reads an event publisher's buffer gauges once per tick. {@code SubmissionPublisher} is a JDK type and read
 * through its public API ({@code estimateMaximumLag} and {@code getNumberOfSubscribers} take its lock briefly);
 * a Disruptor ring is read reflectively through its {@code Sequencer}'s public methods, looked up once per class,
 * because the library's types are not visible to the agent. Guava buses have no buffer to read.
 */
public final class PublisherSampler {
    private static final String[] SEQUENCER_METHODS = {"getBufferSize", "getCursor", "getMinimumSequence"};

    /** Per sequencer class: its gauge methods, or an empty array when this Disruptor version lacks them. */
    private final ClassValue<Method[]> sequencerMethods = new ClassValue<>() {
        @Override
        protected Method[] computeValue(final Class<?> type) {
            try {
                final Method[] methods = new Method[SEQUENCER_METHODS.length];
                for (int i = 0; i < methods.length; i++) {
                    methods[i] = type.getMethod(SEQUENCER_METHODS[i]);
                }
                return methods;
            } catch (final NoSuchMethodException | SecurityException ex) {
                return new Method[0];
            }
        }
    };

    /**
     * Samples {@code publisher} into {@code aggregate}; one whose methods fail is skipped for this tick.
     *
     * @return false when the publisher could not be read.
     */
    public boolean sample(final Object publisher, final PublisherAggregate aggregate) {
        try {
            if (publisher instanceof SubmissionPublisher<?> flow) {
                if (flow.isClosed()) {
                    aggregate.onClosed();
                    return true;
                }
                aggregate.onSample(flow.getMaxBufferCapacity(), flow.estimateMaximumLag(),
                    flow.getNumberOfSubscribers());
                return true;
            }
            return sampleSequencer(publisher, aggregate);
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }

    private boolean sampleSequencer(final Object sequencer, final PublisherAggregate aggregate)
        throws ReflectiveOperationException {
        final Method[] methods = sequencerMethods.get(sequencer.getClass());
        if (methods.length == 0) {
            return false;
        }
        final int size = (Integer) methods[0].invoke(sequencer);
        final long cursor = (Long) methods[1].invoke(sequencer);
        final long slowest = (Long) methods[2].invoke(sequencer);
        aggregate.onCursor(cursor);
        aggregate.onSample(size, Math.max(0, Math.min(size, cursor - slowest)), -1);
        return true;
    }
}
