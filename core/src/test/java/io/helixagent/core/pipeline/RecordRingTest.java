package io.helixagent.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordRingTest {
    @Test
    void shouldDeliverFieldsUnchangedWhenDrained() {
        final RecordRing ring = new RecordRing(1024);
        assertTrue(ring.publish(RecordType.EXECUTOR_TASK, 7, 3, 11L, -5L));
        final List<long[]> seen = new ArrayList<>();
        ring.drain((type, buffer, index, length) -> seen.add(new long[] {type, RecordLayout.subject(buffer, index),
            RecordLayout.aux(buffer, index), RecordLayout.a(buffer, index), RecordLayout.b(buffer, index), length}), 10);
        assertEquals(1, seen.size());
        assertEquals(List.of(1L, 7L, 3L, 11L, -5L, (long) RecordLayout.BODY_LENGTH),
            List.of(seen.get(0)[0], seen.get(0)[1], seen.get(0)[2], seen.get(0)[3], seen.get(0)[4], seen.get(0)[5]));
    }

    @Test
    void shouldCountDropWhenFull() {
        final RecordRing ring = new RecordRing(1024);
        final int fits = 1024 / RecordLayout.RECORD_SIZE;
        for (int i = 0; i < fits; i++) {
            assertTrue(ring.publish(RecordType.TEST, i, 0, 0, 0));
        }
        assertFalse(ring.publish(RecordType.TEST, 99, 0, 0, 0));
        assertEquals(fits + 1, ring.produced());
        assertEquals(1, ring.dropped());
        assertEquals(fits, ring.inFlight());
        assertEquals(0, ring.delivered());
    }

    @Test
    void shouldRejectCapacityThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RecordRing(3000));
        assertThrows(IllegalArgumentException.class, () -> new RecordRing(512));
    }

    /** Many producers against a tiny buffer: every record is either delivered or counted as dropped. */
    @Test
    void shouldAccountForEveryRecordWhenManyProducersOverflowATinyBuffer() throws Exception {
        final RecordRing ring = new RecordRing(1024);
        final int producers = 8;
        final int perProducer = 200_000;
        final AtomicLong consumed = new AtomicLong();
        final AtomicLong checksum = new AtomicLong();
        final AtomicBoolean done = new AtomicBoolean();
        final Thread consumer = new Thread(() -> {
            while (!done.get() || ring.inFlight() > 0) {
                ring.drain((type, buffer, index, length) -> {
                    consumed.incrementAndGet();
                    checksum.addAndGet(RecordLayout.a(buffer, index));
                }, 64);
            }
        });
        consumer.start();
        final CountDownLatch start = new CountDownLatch(1);
        final AtomicLong written = new AtomicLong();
        final AtomicLong writtenChecksum = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (final InterruptedException ex) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    if (ring.publish(RecordType.TEST, 1, 0, i, 0)) {
                        written.incrementAndGet();
                        writtenChecksum.addAndGet(i);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (final Thread t : threads) {
            t.join();
        }
        done.set(true);
        consumer.join();
        final long offered = (long) producers * perProducer;
        assertEquals(offered, ring.produced());
        assertEquals(offered, ring.delivered() + ring.dropped());
        assertEquals(written.get(), consumed.get());
        assertEquals(writtenChecksum.get(), checksum.get());
        assertTrue(ring.dropped() > 0, "a 1 KiB buffer must overflow under 8 producers");
    }
}
