package io.helixagent.samples;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "event bus backpressure" with an LMAX Disruptor: a trade capture publishes 2,000 trades a second
 * with {@code tryPublishEvent} into a ring of 256 slots whose handler needs 2 ms per trade (at most 500 a second).
 * The ring stays full and about 1,500 publishes a second fail.
 * <p>
 * Expected from helix-agent: {@code eventbus.backpressure} (CRITICAL) for the ring created in this class, with the
 * failed publishes per second, a ring size of 256 and a backlog close to it.
 */
public final class DisruptorBackpressureSample {
    private static final int RING_SIZE = 256;

    private DisruptorBackpressureSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final Disruptor<Trade> disruptor = new Disruptor<>(Trade::new, RING_SIZE,
            SaturatedPoolSample.named("trade-capture"), ProducerType.SINGLE, new BlockingWaitStrategy());
        disruptor.handleEventsWith((trade, sequence, endOfBatch) -> Thread.sleep(2));
        final RingBuffer<Trade> ring = disruptor.start();
        long failed = 0;
        SampleRunner.onset();
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long id = 1; System.nanoTime() < end; id++) {
            final long tradeId = id;
            if (!ring.tryPublishEvent((trade, sequence) -> trade.id = tradeId)) {
                failed++;
            }
            if (id % 20 == 0) {
                Thread.sleep(10);
            }
        }
        System.out.println("trades not published: " + failed);
        SampleRunner.printReports();
        disruptor.halt();
    }

    /** A ring slot. */
    static final class Trade {
        private long id;
    }
}
