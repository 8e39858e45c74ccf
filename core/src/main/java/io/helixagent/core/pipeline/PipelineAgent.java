package io.helixagent.core.pipeline;

import java.util.function.LongConsumer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.MessageHandler;

/**
 * The duty cycle of the {@code helix-pipeline} thread: drain a bounded batch of records, and once per tick
 * run the tick work (sampling, detection, reports). Returning the amount of work lets the idle strategy
 * back off only when there was none.
 */
final class PipelineAgent implements Agent {
    /** Records handled per duty cycle at most, so a flood of records cannot delay a tick for long. */
    static final int BATCH_LIMIT = 8192;

    private final RecordRing ring;
    private final MessageHandler handler;
    private final LongConsumer onTick;
    private final EpochClock clock;
    private final long tickMillis;
    private long nextTickMillis;

    PipelineAgent(final RecordRing ring, final MessageHandler handler, final LongConsumer onTick,
                  final long tickMillis, final EpochClock clock) {
        this.ring = ring;
        this.handler = handler;
        this.onTick = onTick;
        this.tickMillis = tickMillis;
        this.clock = clock;
        this.nextTickMillis = clock.time() + tickMillis;
    }

    @Override
    public int doWork() {
        int work = ring.drain(handler, BATCH_LIMIT);
        final long now = clock.time();
        if (now >= nextTickMillis) {
            // a late tick is not made up for: skip ahead rather than running several ticks in a row
            nextTickMillis = Math.max(nextTickMillis + tickMillis, now + 1);
            onTick.accept(now);
            work++;
        }
        return work;
    }

    @Override
    public String roleName() {
        return "helix-pipeline";
    }
}
