package io.helixagent.core.record;

import org.agrona.MutableDirectBuffer;
import org.agrona.DirectBuffer;

/**
 * The one record shape that travels through the ring buffer. Every record has the same size, so the
 * buffer never needs padding records at its wrap point and the number of records in flight is exactly
 * the distance between producer and consumer positions divided by {@link #RECORD_SIZE}.
 * <pre>
 *   0        4        8                16               24
 *   +--------+--------+----------------+----------------+
 *   |subject | aux    | a              | b              |   body, after Agrona's 8-byte header
 *   +--------+--------+----------------+----------------+   (length, type id = {@link RecordType})
 * </pre>
 * What {@code subject}, {@code aux}, {@code a} and {@code b} mean depends on the type; see
 * {@link RecordType}. Encoding and decoding work directly on the buffer: no record objects.
 */
public final class RecordLayout {
    /** Offset of the subject id (int). */
    public static final int SUBJECT_OFFSET = 0;
    /** Offset of a type-specific int. */
    public static final int AUX_OFFSET = 4;
    /** Offset of the first type-specific long. */
    public static final int A_OFFSET = 8;
    /** Offset of the second type-specific long. */
    public static final int B_OFFSET = 16;
    /** Size of the body. */
    public static final int BODY_LENGTH = 24;
    /** Size of a whole record including Agrona's header: a power of two that divides every buffer size. */
    public static final int RECORD_SIZE = BODY_LENGTH + 8;

    private RecordLayout() {
    }

    /** Writes a body at {@code index}. */
    public static void encode(final MutableDirectBuffer buffer, final int index, final int subject, final int aux,
                              final long a, final long b) {
        buffer.putInt(index + SUBJECT_OFFSET, subject);
        buffer.putInt(index + AUX_OFFSET, aux);
        buffer.putLong(index + A_OFFSET, a);
        buffer.putLong(index + B_OFFSET, b);
    }

    /** @return the subject id of the body at {@code index}. */
    public static int subject(final DirectBuffer buffer, final int index) {
        return buffer.getInt(index + SUBJECT_OFFSET);
    }

    /** @return the aux int of the body at {@code index}. */
    public static int aux(final DirectBuffer buffer, final int index) {
        return buffer.getInt(index + AUX_OFFSET);
    }

    /** @return the first long of the body at {@code index}. */
    public static long a(final DirectBuffer buffer, final int index) {
        return buffer.getLong(index + A_OFFSET);
    }

    /** @return the second long of the body at {@code index}. */
    public static long b(final DirectBuffer buffer, final int index) {
        return buffer.getLong(index + B_OFFSET);
    }
}
