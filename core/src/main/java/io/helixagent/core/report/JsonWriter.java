package io.helixagent.core.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small streaming JSON writer, pretty-printed with a two-space indent: reports need no JSON library, which the
 * agent would otherwise have to shade and isolate.
 * <p>
 * Strings are fully escaped: quotes, backslashes, every ISO control character, U+2028 and U+2029 (line terminators
 * in JavaScript) and lone surrogates; {@code </} is written {@code <\/} so the text can sit inside an HTML
 * {@code <script>} element. Floating-point numbers are rounded to {@value #MAX_FRACTION_DIGITS} decimals and
 * written without exponent or trailing zeros; NaN and the infinities, which JSON cannot express, become
 * {@code null}. Misuse (a name outside an object, a value without its name, an unbalanced end, a second top-level
 * value) throws {@link IllegalStateException}, so a renderer bug fails loudly instead of writing broken JSON.
 * Not thread-safe.
 */
public final class JsonWriter {
    /** Decimals kept for floating-point numbers: enough for ratios and milliseconds, without binary noise. */
    public static final int MAX_FRACTION_DIGITS = 4;
    private static final String INDENT = "  ";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final ArrayDeque<Scope> scopes = new ArrayDeque<>();
    private boolean nameWritten;

    /**
     * Writes into a caller's buffer, so a renderer can add text around the JSON without copying.
     *
     * @param out where the JSON text is appended.
     */
    public JsonWriter(final StringBuilder out) {
        this.out = Objects.requireNonNull(out, "out");
        scopes.push(new Scope(Kind.ROOT));
    }

    /** Opens an object, whose members follow as a {@link #name} and a value each; returns this writer. */
    public JsonWriter beginObject() {
        return open(Kind.OBJECT, '{');
    }

    /** Closes the innermost object, which must not end on a name without its value; returns this writer. */
    public JsonWriter endObject() {
        return close(Kind.OBJECT, '}');
    }

    /** Opens an array, whose elements follow as values; returns this writer. */
    public JsonWriter beginArray() {
        return open(Kind.ARRAY, '[');
    }

    /** Closes the innermost array; returns this writer. */
    public JsonWriter endArray() {
        return close(Kind.ARRAY, ']');
    }

    /**
     * Writes a member name, which the next value belongs to.
     *
     * @param name the member name, escaped like any string.
     * @return this writer.
     */
    public JsonWriter name(final String name) {
        Objects.requireNonNull(name, "name");
        final Scope scope = scopes.element();
        if (scope.kind != Kind.OBJECT || nameWritten) {
            throw new IllegalStateException("a name belongs directly inside an object, once before each value");
        }
        separate(scope);
        string(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    /**
     * Writes a member: a name and its value, the common case for ordered report sections.
     *
     * @param name  the member name.
     * @param value any JSON-compatible value, see {@link #value(Object)}.
     * @return this writer.
     */
    public JsonWriter field(final String name, final Object value) {
        return name(name).value(value);
    }

    /**
     * Writes a string value.
     *
     * @param value the string, escaped; null writes {@code null}.
     * @return this writer.
     */
    public JsonWriter value(final String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    /**
     * Writes an integer exactly, without boxing.
     *
     * @param value the number.
     * @return this writer.
     */
    public JsonWriter value(final long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /**
     * Writes a floating-point number rounded to {@value #MAX_FRACTION_DIGITS} decimals; NaN and infinities as null.
     *
     * @param value the number.
     * @return this writer.
     */
    public JsonWriter value(final double value) {
        beforeValue();
        out.append(formatDouble(value));
        return this;
    }

    /**
     * Writes {@code true} or {@code false}.
     *
     * @param value the flag.
     * @return this writer.
     */
    public JsonWriter value(final boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes {@code null}, for a member whose value is unknown; returns this writer. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /**
     * Writes any JSON-compatible value, recursively, so report sections can be built as plain ordered maps: String,
     * Number, Boolean, enum (its name), Map (an object, keys by {@code String.valueOf}, in the map's order), Iterable
     * (an array) and null. Anything else, Instant included (ISO-8601), is written as the string of its
     * {@code toString()}, so that one odd value cannot cost the user the whole report.
     *
     * @param value the value.
     * @return this writer.
     */
    public JsonWriter value(final Object value) {
        if (value == null) {
            return nullValue();
        }
        if (value instanceof Boolean flag) {
            return value(flag.booleanValue());
        }
        if (value instanceof Number number) {
            beforeValue();
            out.append(formatNumber(number));
            return this;
        }
        if (value instanceof Enum<?> constant) {
            return value(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            beginObject();
            for (final Map.Entry<?, ?> entry : map.entrySet()) {
                field(String.valueOf(entry.getKey()), entry.getValue());
            }
            return endObject();
        }
        if (value instanceof Iterable<?> items) {
            beginArray();
            for (final Object item : items) {
                value(item);
            }
            return endArray();
        }
        return value(value.toString());
    }

    /**
     * Formats a number as this writer does, so that human-readable reports show the same figures as the JSON.
     *
     * @param number an integer type, BigDecimal, or any other Number (taken as a double).
     * @return the JSON number text, or {@code null} for NaN and infinities.
     */
    static String formatNumber(final Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
            || number instanceof AtomicInteger || number instanceof AtomicLong || number instanceof LongAdder) {
            return Long.toString(number.longValue());
        }
        if (number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return round(decimal);
        }
        return formatDouble(number.doubleValue());
    }

    private static String formatDouble(final double value) {
        return Double.isFinite(value) ? round(BigDecimal.valueOf(value)) : "null";
    }

    private static String round(final BigDecimal value) {
        return value.setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private JsonWriter open(final Kind kind, final char bracket) {
        beforeValue();
        out.append(bracket);
        scopes.push(new Scope(kind));
        return this;
    }

    private JsonWriter close(final Kind kind, final char bracket) {
        final Scope scope = scopes.element();
        if (scope.kind != kind || nameWritten) {
            throw new IllegalStateException("nothing to close with '" + bracket + "' here");
        }
        scopes.pop();
        if (scope.count > 0) {
            newLine();
        }
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        final Scope scope = scopes.element();
        switch (scope.kind) {
            case OBJECT -> {
                if (!nameWritten) {
                    throw new IllegalStateException("a value inside an object needs a name first");
                }
                nameWritten = false;
            }
            case ARRAY -> separate(scope);
            case ROOT -> {
                if (scope.count > 0) {
                    throw new IllegalStateException("a JSON text holds a single top-level value");
                }
                scope.count++;
            }
        }
    }

    private void separate(final Scope scope) {
        if (scope.count > 0) {
            out.append(',');
        }
        scope.count++;
        newLine();
    }

    private void newLine() {
        out.append('\n');
        for (int level = 1; level < scopes.size(); level++) {
            out.append(INDENT);
        }
    }

    private void string(final String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '/' -> out.append(i > 0 && value.charAt(i - 1) == '<' ? "\\/" : "/");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(final String value, final int index) {
        final char c = value.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 == value.length() || !Character.isLowSurrogate(value.charAt(index + 1));
        }
        return Character.isLowSurrogate(c) && (index == 0 || !Character.isHighSurrogate(value.charAt(index - 1)));
    }

    private void unicodeEscape(final char c) {
        out.append("\\u")
            .append(HEX[(c >> 12) & 0xF])
            .append(HEX[(c >> 8) & 0xF])
            .append(HEX[(c >> 4) & 0xF])
            .append(HEX[c & 0xF]);
    }

    private enum Kind { ROOT, OBJECT, ARRAY }

    /** An open container (or the document itself) and how many values it holds so far. */
    private static final class Scope {
        private final Kind kind;
        private int count;

        private Scope(final Kind kind) {
            this.kind = kind;
        }
    }
}
