package io.helixagent.agent.probe;

import io.helixagent.agent.instrument.cache.CacheProbes;
import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
import io.helixagent.agent.instrument.http.HttpCallProbes;

/**
 * Every library's probe handler, by what it handles; {@link RuntimeProbeSink} routes each bridge call to one.
 *
 * @param executor  {@code ThreadPoolExecutor} tasks and rejections.
 * @param forkJoin  {@code ForkJoinPool} task executions.
 * @param fanout    {@code invokeAll} and {@code CompletableFuture.allOf}.
 * @param events    event publishers and subscribers.
 * @param listeners listener registrations and removals.
 * @param cache     Caffeine, Guava and JCache caches.
 * @param pools     HikariCP and HttpClient 5 connection pools.
 * @param http      outbound HTTP calls.
 */
public record ProbeHandlers(ExecutorProbes executor, ForkJoinProbes forkJoin, FanoutProbes fanout, EventProbes events,
                            ListenerProbes listeners, CacheProbes cache, ConnectionPoolProbes pools,
                            HttpCallProbes http) {
}
