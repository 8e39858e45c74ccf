package io.helixagent.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "event bus backpressure" with the JDK's {@code SubmissionPublisher}: a price feed offers 1,000 ticks
 * a second with {@code offer(item, onDrop)} to a subscriber that needs 5 ms per tick (at most 200 a second). Its
 * buffer of 64 ticks stays full and {@code offer} drops about 800 ticks a second.
 * <p>
 * Expected from helix-agent: {@code eventbus.backpressure} (CRITICAL) for the publisher created in this class,
 * with the drops per second, a backlog equal to the buffer of 64, and {@code PriceSubscriber.onNext} as the
 * slowest subscriber (about 5 ms).
 */
public final class FlowBackpressureSample {
    private static final int BUFFER = 64;

    private FlowBackpressureSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final ExecutorService executor = Executors.newFixedThreadPool(1, SaturatedPoolSample.named("price-feed"));
        final SubmissionPublisher<Double> feed = new SubmissionPublisher<>(executor, BUFFER);
        feed.subscribe(new PriceSubscriber());
        long dropped = 0;
        SampleRunner.onset();
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10; i++) {
                final int lag = feed.offer(Math.random(), (subscriber, tick) -> false);
                dropped += lag < 0 ? -lag : 0;
            }
            Thread.sleep(10);
        }
        System.out.println("ticks dropped: " + dropped);
        SampleRunner.printReports();
        feed.close();
        executor.shutdownNow();
    }

    /** The slow subscriber: re-prices a portfolio on every tick. */
    static final class PriceSubscriber implements Flow.Subscriber<Double> {
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(final Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(final Double price) {
            try {
                Thread.sleep(5);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            subscription.request(1);
        }

        @Override
        public void onError(final Throwable error) {
            System.out.println("price feed failed: " + error);
        }

        @Override
        public void onComplete() {
            System.out.println("price feed closed");
        }
    }
}
