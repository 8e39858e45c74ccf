package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One worker pool's meters, named as Micrometer's {@code ExecutorServiceMetrics} names them, tagged
 * {@code name=<pool name>}: {@code executor.active}, {@code executor.queued}, {@code executor.queue.remaining},
 * {@code executor.pool.size}, {@code executor.pool.max}, {@code executor.completed}, plus
 * {@code executor.rejected}, which Micrometer cannot count and helix-agent can. All read the pool's aggregate
 * when scraped. {@link #close} removes them when the pool goes away.
 */
public final class ExecutorMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters;

    /**
     * Binds the meters of {@code pool}.
     *
     * @param registry where to register.
     * @param pool     the pool's aggregate; read by the scraping thread, written by the pipeline thread (a stale
     *                 value is the worst outcome).
     * @param name     the pool's name for the {@code name} tag.
     */
    public ExecutorMeters(final MeterRegistry registry, final ExecutorAggregate pool, final String name) {
        this.registry = registry;
        final Tags tags = Tags.of("name", name);
        this.meters = List.of(
            gauge("executor.active", "The approximate number of threads actively executing tasks", "threads", tags,
                pool, p -> p.active().latest()),
            gauge("executor.queued", "The approximate number of tasks queued for execution", "tasks", tags, pool,
                p -> p.queued().latest()),
            gauge("executor.queue.remaining", "The number of additional tasks the queue can take", "tasks", tags,
                pool, ExecutorMeters::remaining),
            gauge("executor.pool.size", "The current number of threads in the pool", "threads", tags, pool,
                p -> p.poolSize().latest()),
            gauge("executor.pool.max", "The maximum allowed number of threads in the pool", "threads", tags, pool,
                p -> p.maxPoolSize().latest()),
            FunctionCounter.builder("executor.completed", pool, p -> p.completed().total())
                .description("The number of tasks that completed execution").baseUnit("tasks").tags(tags)
                .register(registry),
            FunctionCounter.builder("executor.rejected", pool, p -> p.rejected().total())
                .description("The number of tasks the pool rejected").baseUnit("tasks").tags(tags)
                .register(registry));
    }

    private Gauge gauge(final String meter, final String description, final String unit, final Tags tags,
                        final ExecutorAggregate pool, final ToDoubleFunction<ExecutorAggregate> value) {
        return Gauge.builder(meter, pool, value).description(description).baseUnit(unit).tags(tags)
            .strongReference(true).register(registry);
    }

    private static double remaining(final ExecutorAggregate pool) {
        final double capacity = pool.queueCapacity().latest();
        return capacity < 0 ? Double.NaN : capacity - pool.queued().latest();
    }

    /** Removes the meters. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
