package io.helixagent.core.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.helixagent.core.detect.Severity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final String NASTY =
        "q\"b\\s/ </script> \n\r\t\b\f\u0000\u001b\u001f\u007f\u0085\u2028\u2029 é漢😀";

    @Test
    void shouldPrettyPrintWithTwoSpaceIndentWhenNested() {
        final String json = write(writer -> writer.beginObject()
            .field("a", 1)
            .name("b").beginArray().value(true).nullValue().beginObject().field("c", "d").endObject().endArray()
            .field("empty", Map.of())
            .field("none", List.of())
            .endObject());

        assertEquals("""
            {
              "a": 1,
              "b": [
                true,
                null,
                {
                  "c": "d"
                }
              ],
              "empty": {},
              "none": []
            }""", json);
    }

    @Test
    void shouldEscapeEveryDangerousCharacterWhenWritingStrings() {
        assertEquals("\"q\\\"b\\\\s/ <\\/script> \\n\\r\\t\\b\\f\\u0000\\u001b\\u001f\\u007f\\u0085"
            + "\\u2028\\u2029 é漢😀\"", writeValue(NASTY));
    }

    @Test
    void shouldRoundTripNastyStringsWhenParsedBack() {
        final List<String> nasty = List.of(NASTY, "", "\"", "\\", "</", "<//>", "\\u0041", "tab\there",
            "\u0001\u0002\u0003", "😀", "key: \"value\", {[]}");
        for (final String value : nasty) {
            assertEquals(value, Json.parse(writeValue(value)), () -> "round trip of " + value);
        }
        final Map<String, Object> nastyKeys = new LinkedHashMap<>();
        nasty.forEach(key -> nastyKeys.put(key, key));
        assertEquals(nastyKeys, Json.parse(writeValue(nastyKeys)));
    }

    @Test
    void shouldEscapeLoneSurrogatesWhenStringIsMalformed() {
        assertAll(
            () -> assertEquals("\"\\ud800x\"", writeValue("\uD800x")),
            () -> assertEquals("\"x\\udc00\"", writeValue("x\uDC00")),
            () -> assertEquals("\"\\udc00\\ud800\"", writeValue("\uDC00\uD800")),
            () -> assertEquals("\"\uD83D\uDE00\"", writeValue("\uD83D\uDE00")));
    }

    @Test
    void shouldWriteNumbersWithoutNoiseWhenGivenAnyNumberType() {
        final Map<Object, String> expected = new LinkedHashMap<>();
        expected.put(42, "42");
        expected.put(-7, "-7");
        expected.put(Long.MAX_VALUE, "9223372036854775807");
        expected.put(Long.MIN_VALUE, "-9223372036854775808");
        expected.put((short) 12, "12");
        expected.put((byte) -3, "-3");
        expected.put(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890");
        expected.put(new AtomicLong(5), "5");
        expected.put(1.0, "1");
        expected.put(0.1 + 0.2, "0.3");
        expected.put(3.14159265, "3.1416");
        expected.put(-1.23456, "-1.2346");
        expected.put(0.00005, "0.0001");
        expected.put(0.00004, "0");
        expected.put(-0.0, "0");
        expected.put(1e20, "100000000000000000000");
        expected.put(1234567.891, "1234567.891");
        expected.put(0.1f, "0.1");
        expected.put(12.5f, "12.5");
        expected.put(new BigDecimal("2.50000"), "2.5");
        expected.put(new BigDecimal("1E+3"), "1000");
        expected.put(Double.NaN, "null");
        expected.put(Double.POSITIVE_INFINITY, "null");
        expected.put(Float.NEGATIVE_INFINITY, "null");
        expected.forEach((number, text) ->
            assertEquals(text, writeValue(number), () -> number + " of " + number.getClass().getSimpleName()));
    }

    @Test
    void shouldWritePrimitivesWithoutBoxingWhenTypedOverloadsAreUsed() {
        assertAll(
            () -> assertEquals("9007199254740993", write(writer -> writer.value(9007199254740993L))),
            () -> assertEquals("0.6667", write(writer -> writer.value(2.0 / 3))),
            () -> assertEquals("null", write(writer -> writer.value(Double.NaN))),
            () -> assertEquals("false", write(writer -> writer.value(false))),
            () -> assertEquals("null", write(writer -> writer.value((String) null))));
    }

    @Test
    void shouldWriteInstantsEnumsBooleansAndNullsWhenGivenAsObjects() {
        assertAll(
            () -> assertEquals("\"2024-05-01T10:15:30.123Z\"", writeValue(Instant.parse("2024-05-01T10:15:30.123Z"))),
            () -> assertEquals("\"2024-05-01T10:00:00Z\"", writeValue(Instant.parse("2024-05-01T10:00:00Z"))),
            () -> assertEquals("\"WARNING\"", writeValue(Severity.WARNING)),
            () -> assertEquals("true", writeValue(Boolean.TRUE)),
            () -> assertEquals("null", writeValue(null)),
            () -> assertEquals("\"PT1.5S\"", writeValue(Duration.ofMillis(1500))));
    }

    @Test
    void shouldWriteNestedCollectionsInOrderWhenValueIsMapOrIterable() {
        final Map<Object, Object> value = new LinkedHashMap<>();
        value.put("z", List.of(1, "two", List.of(), Map.of()));
        value.put(7, new LinkedHashSet<>(List.of("set")));
        value.put("a", ReportFixtures.ordered("inner", null));

        final Object parsed = Json.parse(writeValue(value));

        final Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", List.of(1.0, "two", List.of(), Map.of()));
        expected.put("7", List.of("set"));
        expected.put("a", ReportFixtures.ordered("inner", null));
        assertEquals(expected, parsed);
        assertEquals(List.of("z", "7", "a"), new ArrayList<>(((Map<?, ?>) parsed).keySet()));
    }

    @Test
    void shouldThrowWhenStructureIsMisused() {
        assertAll(
            () -> assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).name("a")),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginArray().name("a")),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().value(1L)),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").name("b")),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").endObject()),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().endArray()),
            () -> assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).endObject()),
            () -> assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).value(1L).value(2L)));
    }

    private static String writeValue(final Object value) {
        return write(writer -> writer.value(value));
    }

    private static String write(final Consumer<JsonWriter> writes) {
        final StringBuilder out = new StringBuilder();
        writes.accept(new JsonWriter(out));
        return out.toString();
    }
}
