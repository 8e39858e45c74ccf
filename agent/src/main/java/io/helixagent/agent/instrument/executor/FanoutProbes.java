package io.helixagent.agent.instrument.executor;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.CallSites;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * What the fan-out probes do: when an {@code invokeAll} returns, or the future of a
 * {@code CompletableFuture.allOf} completes, compare each member's time from the fan-out's start with its
 * siblings', and write one record per fan-out with the slowest and the median member.
 * <p>
 * {@code invokeAll} members are {@code FutureTask}s run by an instrumented {@code ThreadPoolExecutor}, whose
 * probe stamps when each task finished; a member cancelled by a timed {@code invokeAll} ran at least until
 * the call returned. {@code allOf} members get one completion callback each, and the combined future one more:
 * a fan-out is a coarse operation (its members are tasks on other threads), so these few objects per call are
 * the price of exact times, where the per-task probes allocate nothing. The call site is found with one short
 * stack walk per fan-out.
 */
public final class FanoutProbes {
    private static final int MAX_MEMBERS = 64;
    private static final int MIN_MEMBERS = 3;

    private final RecordRing ring;
    private final CallSites sites;
    private final ExecutorProbes executors;
    private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[MAX_MEMBERS]);

    /**
     * @param ring      where records go.
     * @param sites     where call sites are interned.
     * @param executors the pool probes, which know when each task finished.
     */
    public FanoutProbes(final RecordRing ring, final CallSites sites, final ExecutorProbes executors) {
        this.ring = ring;
        this.sites = sites;
        this.executors = executors;
    }

    /** @return the start time of a fan-out. */
    public long started() {
        return System.nanoTime();
    }

    /** An {@code invokeAll} returned {@code futures}, all done or cancelled. */
    public void invokeAll(final Object futures, final long startNanos) {
        if (!(futures instanceof List<?>)) {
            return;
        }
        final List<?> members = (List<?>) futures;
        final int n = Math.min(members.size(), MAX_MEMBERS);
        if (n < MIN_MEMBERS) {
            return;
        }
        final long now = System.nanoTime();
        final long[] times = scratch.get();
        for (int i = 0; i < n; i++) {
            final Object member = members.get(i);
            final long finishedAt = executors.finishedAt(member);
            final boolean cancelled = member instanceof Future<?> && ((Future<?>) member).isCancelled();
            times[i] = cancelled || finishedAt == 0 ? now - startNanos : finishedAt - startNanos;
        }
        publish(site("invokeAll"), times, n);
    }

    /** {@code CompletableFuture.allOf(members)} returned {@code all}: time the members as they complete. */
    public void allOf(final Object[] members, final Object all, final long startNanos) {
        final int n = Math.min(members.length, MAX_MEMBERS);
        if (n < MIN_MEMBERS || !(all instanceof CompletableFuture<?>)) {
            return;
        }
        final int site = site("allOf");
        if (site == SubjectRegistry.UNKNOWN) {
            return;
        }
        final long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            final int member = i;
            ((CompletableFuture<?>) members[i]).whenComplete((r, t) -> times[member] = System.nanoTime() - startNanos);
        }
        ((CompletableFuture<?>) all).whenComplete((r, t) -> {
            final long now = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (times[i] == 0) {
                    times[i] = now - startNanos;
                }
            }
            publish(site, times, n);
        });
    }

    private int site(final String kind) {
        return sites.idOf(CreationSite.caller() + " [" + kind + "]");
    }

    /** Writes one record: slowest member, its index, and the median of {@code n} member times. */
    private void publish(final int site, final long[] times, final int n) {
        if (site == SubjectRegistry.UNKNOWN) {
            return;
        }
        int slowest = 0;
        for (int i = 1; i < n; i++) {
            if (times[i] > times[slowest]) {
                slowest = i;
            }
        }
        final long slowestNanos = times[slowest];
        Arrays.sort(times, 0, n);
        ring.publish(RecordType.FANOUT, site, (n << 16) | slowest, slowestNanos, times[n / 2]);
    }
}
