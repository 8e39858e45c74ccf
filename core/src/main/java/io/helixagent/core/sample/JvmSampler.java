package io.helixagent.core.sample;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Reads the JVM's platform MXBeans once per tick. Works without JFR: the live set after GC comes from each
 * heap pool's collection usage.
 */
public final class JvmSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
    /**
     * Collectors that report pauses. G1 (JDK 20+) also has a "G1 Concurrent GC" bean, ZGC and Shenandoah have
     * "... Cycles" beans: their time is concurrent work beside the application, not time it stood still.
     */
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")).toList();
    private final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    /** @return the figures now. */
    public JvmSample sample() {
        final MemoryUsage heap = memory.getHeapMemoryUsage();
        long live = 0;
        for (final MemoryPoolMXBean pool : heapPools) {
            final MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                live += usage.getUsed();
            }
        }
        long gcCount = 0;
        long gcTime = 0;
        for (final GarbageCollectorMXBean gc : collectors) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcTime += Math.max(0, gc.getCollectionTime());
        }
        double processCpu = Double.NaN;
        double systemCpu = Double.NaN;
        long totalMemory = -1;
        long freeMemory = -1;
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            final com.sun.management.OperatingSystemMXBean sun = (com.sun.management.OperatingSystemMXBean) os;
            processCpu = nonNegativeOrNaN(sun.getProcessCpuLoad());
            systemCpu = nonNegativeOrNaN(sun.getCpuLoad());
            totalMemory = sun.getTotalMemorySize();
            freeMemory = sun.getFreeMemorySize();
        }
        long openFds = -1;
        long maxFds = -1;
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            final com.sun.management.UnixOperatingSystemMXBean unix = (com.sun.management.UnixOperatingSystemMXBean) os;
            openFds = unix.getOpenFileDescriptorCount();
            maxFds = unix.getMaxFileDescriptorCount();
        }
        return new JvmSample(heap.getUsed(), heap.getCommitted(), heap.getMax(), live, threads.getThreadCount(),
            threads.getDaemonThreadCount(), threads.getPeakThreadCount(), processCpu, systemCpu, totalMemory,
            freeMemory, openFds, maxFds, gcCount, gcTime);
    }

    private static double nonNegativeOrNaN(final double load) {
        return load < 0 ? Double.NaN : load;
    }
}
