package io.helixagent.core.feature;

import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;

/**
 * Deadlocked threads, found with {@code ThreadMXBean.findDeadlockedThreads()}: monitors and ownable
 * synchronizers ({@code ReentrantLock}, {@code ReentrantReadWriteLock}) alike. The search runs every
 * {@link #CHECK_EVERY_TICKS} ticks: it is a short safepoint operation, and a deadlock never resolves itself, so
 * checking every two seconds finds it well within five while costing the host very little.
 */
public final class DeadlockFeature implements Feature {
    /** Ticks between two searches. */
    static final int CHECK_EVERY_TICKS = 2;
    private static final int MAX_FRAMES = 12;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private List<Deadlock> deadlocks = List.of();
    private long ticks;

    /**
     * One cycle of threads waiting for each other.
     *
     * @param key     stable identity: the sorted thread ids.
     * @param threads each thread's name, state, the lock it waits for, the lock's owner, and its stack.
     */
    public record Deadlock(String key, List<Map<String, Object>> threads) {
    }

    /** @return the deadlocks found by the latest search. */
    public List<Deadlock> deadlocks() {
        return deadlocks;
    }

    @Override
    public void historySeconds(final int seconds) {
        // a deadlock is a state, not a history
    }

    @Override
    public int[] recordTypes() {
        return new int[0];
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        // no records: the JVM itself is asked
    }

    @Override
    public void onTick(final long nowMillis) {
        if (ticks++ % CHECK_EVERY_TICKS != 0) {
            return;
        }
        final long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
            : threads.findMonitorDeadlockedThreads();
        deadlocks = ids == null ? List.of() : describe(ids);
    }

    private List<Deadlock> describe(final long[] ids) {
        final ThreadInfo[] infos = threads.getThreadInfo(ids, threads.isObjectMonitorUsageSupported(),
            threads.isSynchronizerUsageSupported());
        final Map<Long, ThreadInfo> byId = new LinkedHashMap<>();
        for (final ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        final List<Deadlock> found = new ArrayList<>();
        final List<Long> seen = new ArrayList<>();
        for (final ThreadInfo start : byId.values()) {
            if (seen.contains(start.getThreadId())) {
                continue;
            }
            final List<ThreadInfo> cycle = new ArrayList<>();
            ThreadInfo current = start;
            while (current != null && !cycle.contains(current)) {
                cycle.add(current);
                seen.add(current.getThreadId());
                current = byId.get(current.getLockOwnerId());
            }
            found.add(deadlock(cycle));
        }
        return found;
    }

    private static Deadlock deadlock(final List<ThreadInfo> cycle) {
        final long[] ids = cycle.stream().mapToLong(ThreadInfo::getThreadId).sorted().toArray();
        final List<Map<String, Object>> described = new ArrayList<>();
        for (final ThreadInfo info : cycle) {
            final Map<String, Object> t = new LinkedHashMap<>();
            t.put("thread", info.getThreadName());
            t.put("state", info.getThreadState().name());
            t.put("waitsFor", lockName(info.getLockInfo()));
            t.put("heldBy", info.getLockOwnerName());
            t.put("holds", held(info));
            final List<String> stack = new ArrayList<>();
            final StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
                stack.add(frames[i].getClassName() + "." + frames[i].getMethodName() + "(" + frames[i].getFileName()
                    + ":" + frames[i].getLineNumber() + ")");
            }
            t.put("stack", stack);
            described.add(t);
        }
        return new Deadlock(Arrays.toString(ids), described);
    }

    private static List<String> held(final ThreadInfo info) {
        final List<String> locks = new ArrayList<>();
        for (final MonitorInfo monitor : info.getLockedMonitors()) {
            locks.add(lockName(monitor));
        }
        for (final LockInfo synchronizer : info.getLockedSynchronizers()) {
            locks.add(lockName(synchronizer));
        }
        return locks;
    }

    /** @return the lock's class and identity hash, as thread dumps show it; never its contents. */
    private static String lockName(final LockInfo lock) {
        return lock == null ? "" : lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    @Override
    public void contribute(final ReportParts parts) {
        parts.system("deadlockedThreads", deadlocks.stream().mapToInt(d -> d.threads().size()).sum());
    }

    @Override
    public void afterTick() {
        // nothing windowed
    }
}
