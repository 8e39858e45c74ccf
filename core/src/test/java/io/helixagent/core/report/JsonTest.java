package io.helixagent.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser must be strict, or the writer tests that rely on it could pass on broken JSON. */
class JsonTest {
    @Test
    void shouldParseEveryValueTypeWhenTextIsValid() {
        final Object parsed = Json.parse(" {\"b\": [1, -2.5e3, 0.25, true, false, null, \"x\\u0041\\n\\/\"], "
            + "\"a\": {}} ");

        final Map<?, ?> object = (Map<?, ?>) parsed;
        assertEquals(List.of("b", "a"), new ArrayList<>(object.keySet()));
        assertEquals(Arrays.asList(1.0, -2500.0, 0.25, true, false, null, "xA\n/"), object.get("b"));
        assertEquals(Map.of(), object.get("a"));
        assertNull(Json.parse("null"));
    }

    @Test
    void shouldRejectTextWhenItIsNotStrictJson() {
        for (final String invalid : List.of("", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'a'", "01", "1.",
            ".5", "-", "+1", "1e", "NaN", "tru", "\"a", "\"\t\"", "\"\\x\"", "\"\\u12\"", "{\"a\":1,\"a\":2}",
            "1 2", "[1] x")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(invalid), () -> "accepted: " + invalid);
        }
    }
}
