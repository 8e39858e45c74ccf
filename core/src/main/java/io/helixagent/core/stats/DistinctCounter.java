package io.helixagent.core.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Estimates how many distinct keys a cache was asked for recently, from their hash codes, without storing keys:
 * a HyperLogLog (Flajolet et al., 2007) of {@value #REGISTERS} registers in two banks that take turns.
 *
 * <h2>Accuracy</h2>
 * The relative standard error is 1.04 / sqrt({@value #REGISTERS}), about 3.3%: two estimates in three are within
 * 3.3% of the truth, and practically all within 10%. Small counts (below 2.5 x {@value #REGISTERS}) use linear
 * counting over the empty registers, which is more accurate there. Keys are told apart by {@code hashCode()} only:
 * distinct keys with equal hash codes count once, so a key type with a poor hash code is under-counted, and
 * more than a few hundred million distinct keys cannot be counted (hash codes are 32 bits; the estimate corrects
 * for their collisions).
 *
 * <h2>Window</h2>
 * Probes add to the current bank; {@link #rotate} (the pipeline thread, every few seconds) clears the other bank
 * and makes it current. {@link #estimate} merges both banks, so it counts the keys of the current and the
 * previous period: between one and two periods of history.
 *
 * <h2>Cost</h2>
 * {@link #add} mixes the hash, reads one register word and, only when the register grows (rarely, once warm),
 * compare-and-sets it: no allocation, no lock. Each register is a byte, eight to a long: 2 KiB in all.
 */
public final class DistinctCounter {
    /** log2 of the number of registers. */
    static final int PRECISION = 10;
    /** Registers per bank. */
    static final int REGISTERS = 1 << PRECISION;
    private static final int WORDS = REGISTERS / Long.BYTES;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
    private static final double HASH_SPACE = 0x1p32;

    private final AtomicLongArray registers = new AtomicLongArray(2 * WORDS);
    private volatile int bank;

    /** Adds a key by its hash code; any thread. */
    public void add(final int hashCode) {
        final long hash = mix(hashCode);
        final int index = (int) (hash >>> (Long.SIZE - PRECISION));
        // the guard bit caps the rank at 64 - PRECISION + 1 when the remaining bits are all zero
        final int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
        final int word = bank * WORDS + (index >>> 3);
        final int shift = (index & 7) << 3;
        long current = registers.get(word);
        while (((current >>> shift) & 0xFF) < rank) {
            final long next = (current & ~(0xFFL << shift)) | ((long) rank << shift);
            if (registers.compareAndSet(word, current, next)) {
                return;
            }
            current = registers.get(word);
        }
    }

    /** @return the estimated number of distinct keys added to either bank. */
    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (int w = 0; w < WORDS; w++) {
            final long a = registers.get(w);
            final long b = registers.get(WORDS + w);
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                final int rank = (int) Math.max((a >>> shift) & 0xFF, (b >>> shift) & 0xFF);
                sum += 1.0 / (1L << rank);
                if (rank == 0) {
                    zeros++;
                }
            }
        }
        double estimate = ALPHA * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        } else if (estimate > HASH_SPACE / 30) {
            estimate = -HASH_SPACE * Math.log(1 - Math.min(estimate, HASH_SPACE - 1) / HASH_SPACE);
        }
        return Math.round(estimate);
    }

    /** Clears the older bank and makes it the one keys go to; the pipeline thread only. */
    public void rotate() {
        final int next = 1 - bank;
        for (int w = 0; w < WORDS; w++) {
            registers.set(next * WORDS + w, 0);
        }
        bank = next;
    }

    /** Spreads a 32-bit hash code over 64 bits (Murmur3's finalizer), so that every bit is usable. */
    private static long mix(final int hashCode) {
        long z = hashCode * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
