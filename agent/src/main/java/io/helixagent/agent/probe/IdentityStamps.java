package io.helixagent.agent.probe;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Start times of things in progress (a connection handed out, an HTTP exchange under way), keyed by the
 * identity of a host object: no allocation, no lock, and the object is not kept reachable.
 *
 * <h2>Layout</h2>
 * A fixed table of {@value #SLOTS} slots chosen by identity hash. A slot is two longs, each carrying the owner's
 * identity hash in its high half and one half of the {@code System.nanoTime()} stamp in its low half: the low
 * word is written first, then the high word. A reader takes the high word, then the low word, and accepts them
 * only if both carry its hash; it then claims the slot by a compare-and-set of the high word to zero, so a stamp
 * is taken once. A colliding object that stamps the same slot in between leaves a word with another hash, so a
 * collision loses a sample and never corrupts one. Only objects with identical identity hashes could mix their
 * halves, and an object is not stamped again before its stamp is taken.
 *
 * <h2>Cost</h2>
 * One identity-hash read, two volatile writes to stamp; two volatile reads and a compare-and-set to take. Stamps
 * of objects never taken (a connection leaked, an exchange abandoned) stay until a colliding stamp replaces them.
 */
public final class IdentityStamps {
    /** What {@link #take} returns for an object without a stamp. */
    public static final long NONE = -1;
    private static final int SLOTS = 1 << 12;
    private static final int MASK = SLOTS - 1;
    private static final long LOW = 0xFFFF_FFFFL;

    private final AtomicLongArray words = new AtomicLongArray(SLOTS * 2);

    /** Records {@code nanos} as the start of {@code owner}, replacing whatever occupied its slot. */
    public void stamp(final Object owner, final long nanos) {
        final long hash = (long) System.identityHashCode(owner) << 32;
        final int slot = slotOf(owner);
        words.set(slot + 1, hash | (nanos & LOW));
        words.set(slot, hash | (nanos >>> 32));
    }

    /** Records {@code nanos} as the start of {@code owner} unless it already has a stamp. */
    public void stampIfAbsent(final Object owner, final long nanos) {
        if ((words.get(slotOf(owner)) >>> 32) != (System.identityHashCode(owner) & LOW)) {
            stamp(owner, nanos);
        }
    }

    /**
     * Takes the stamp of {@code owner}, once.
     *
     * @return its start, or {@link #NONE} when it has none (never stamped, already taken, or lost to a collision).
     */
    public long take(final Object owner) {
        final long hash = System.identityHashCode(owner) & LOW;
        final int slot = slotOf(owner);
        final long high = words.get(slot);
        if ((high >>> 32) != hash) {
            return NONE;
        }
        final long low = words.get(slot + 1);
        if ((low >>> 32) != hash || !words.compareAndSet(slot, high, 0)) {
            return NONE;
        }
        return ((high & LOW) << 32) | (low & LOW);
    }

    private static int slotOf(final Object owner) {
        final int h = System.identityHashCode(owner) * 0x9E3779B9;
        return ((h ^ (h >>> 16)) & MASK) * 2;
    }
}
