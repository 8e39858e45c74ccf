package io.helixagent.core.sample;

/**
 * The JVM's and machine's figures at one tick. Values that the platform cannot give are -1 (counts) or
 * NaN (loads).
 *
 * @param heapUsedBytes        heap in use now.
 * @param heapCommittedBytes   heap committed.
 * @param heapMaxBytes         the heap's limit.
 * @param liveAfterGcBytes     heap in use right after the last collection of each heap pool (the live set).
 * @param threads              live threads.
 * @param daemonThreads        live daemon threads.
 * @param peakThreads          peak live threads.
 * @param processCpuLoad       this process's CPU use, 0 to 1 of the whole machine.
 * @param systemCpuLoad        the machine's CPU use, 0 to 1.
 * @param totalMemoryBytes     physical memory.
 * @param freeMemoryBytes      free physical memory.
 * @param openFileDescriptors  open file descriptors of this process.
 * @param maxFileDescriptors   the process's limit.
 * @param gcCount              collections since start, collectors that pause the application.
 * @param gcTimeMillis         time in those collections since start.
 */
public record JvmSample(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long liveAfterGcBytes,
                        int threads, int daemonThreads, int peakThreads, double processCpuLoad, double systemCpuLoad,
                        long totalMemoryBytes, long freeMemoryBytes, long openFileDescriptors,
                        long maxFileDescriptors, long gcCount, long gcTimeMillis) {
}
