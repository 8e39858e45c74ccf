package io.helixagent.core.engine;

import org.agrona.DirectBuffer;

/**
 * One area the agent watches (worker pools, the JVM, caches, ...): the records it consumes, the aggregates it
 * keeps, the sampling it does each tick, and what it adds to reports. The engine owns the loop; a feature owns
 * its data. Every method runs on the pipeline thread.
 */
public interface Feature {
    /**
     * Tells the feature how many seconds of history the enabled detectors read, before the first tick and
     * whenever the settings change; aggregates created from then on keep that much.
     */
    void historySeconds(int seconds);

    /** @return the record types this feature consumes; each type belongs to one feature. */
    int[] recordTypes();

    /** Folds one record of its types into its aggregates. */
    void onRecord(int type, DirectBuffer buffer, int index);

    /** Samples gauges and forgets collected subjects; runs before the detectors at every tick. */
    void onTick(long nowMillis);

    /** Adds its subjects, system figures and timeline points to the report being assembled. */
    void contribute(ReportParts parts);

    /** Starts the next window slot; runs after the detectors and the report at every tick. */
    void afterTick();
}
