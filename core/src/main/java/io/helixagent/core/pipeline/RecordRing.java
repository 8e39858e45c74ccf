package io.helixagent.core.pipeline;

import io.helixagent.core.record.RecordLayout;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The many-producer, one-consumer buffer between probes and the pipeline thread.
 *
 * <h2>Probe-path contract</h2>
 * {@link #publish} takes primitives only; it does not allocate, box, lock, block or throw. A full buffer
 * is not an error the host sees: the record is dropped and counted, and {@code agent.overload} reports it.
 *
 * <h2>Accounting</h2>
 * Every record has the same size ({@link RecordLayout#RECORD_SIZE}, a power of two) and the buffer's
 * capacity is a multiple of it, so the buffer never inserts padding. Its producer and consumer positions
 * therefore count records exactly, and the only counter the probes touch is the drop counter, on the
 * failure path: {@code produced == delivered + dropped + inFlight} holds at every instant, and
 * {@code produced == delivered + dropped} once the buffer is drained.
 */
public final class RecordRing {
    private final ManyToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param capacityBytes the data capacity, a power of two of at least 1 KiB.
     */
    public RecordRing(final int capacityBytes) {
        if (Integer.bitCount(capacityBytes) != 1 || capacityBytes < 1024) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 1024: " + capacityBytes);
        }
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH));
        this.ring = new ManyToOneRingBuffer(buffer);
    }

    /**
     * Writes one record, or counts a drop when the buffer is full.
     *
     * @return true when written.
     */
    public boolean publish(final int type, final int subject, final int aux, final long a, final long b) {
        final int index = ring.tryClaim(type, RecordLayout.BODY_LENGTH);
        if (index <= 0) {
            dropped.incrementAndGet();
            return false;
        }
        RecordLayout.encode(buffer, index, subject, aux, a, b);
        ring.commit(index);
        return true;
    }

    /**
     * Hands up to {@code limit} records to {@code handler}; for the single consumer thread only.
     *
     * @return the number of records read.
     */
    public int drain(final MessageHandler handler, final int limit) {
        return ring.read(handler, limit);
    }

    /** @return records offered to {@link #publish}, written or dropped. */
    public long produced() {
        return ring.producerPosition() / RecordLayout.RECORD_SIZE + dropped.get();
    }

    /** @return records handed to the consumer. */
    public long delivered() {
        return ring.consumerPosition() / RecordLayout.RECORD_SIZE;
    }

    /** @return records dropped because the buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    /** @return records written and not yet consumed. */
    public long inFlight() {
        return (ring.producerPosition() - ring.consumerPosition()) / RecordLayout.RECORD_SIZE;
    }

    /** @return the data capacity in bytes. */
    public int capacityBytes() {
        return ring.capacity();
    }
}
