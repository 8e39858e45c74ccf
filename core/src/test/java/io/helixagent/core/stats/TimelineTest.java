package io.helixagent.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {
    @Test
    void shouldHalveResolutionWhenFullSoTheWholeRunFits() {
        final Timeline timeline = new Timeline(0, 1000, 4);
        for (int i = 1; i <= 4; i++) {
            timeline.append(Map.of("x", (double) i), Map.of("x", "count"));
        }
        Map<String, Object> m = timeline.toMap();
        assertEquals(2000L, m.get("stepMs"));
        assertEquals(List.of(1.5, 3.5), values(m));
        timeline.append(Map.of("x", 5.0), Map.of());
        timeline.append(Map.of("x", 7.0), Map.of());
        m = timeline.toMap();
        assertEquals(List.of(1.5, 3.5, 6.0), values(m));
    }

    @Test
    void shouldLeaveNullsBeforeALateSeriesStarts() {
        final Timeline timeline = new Timeline(0, 1000, 10);
        timeline.append(Map.of("a", 1.0), Map.of());
        timeline.append(Map.of("a", 1.0, "b", 2.0), Map.of());
        final Map<String, Object> m = timeline.toMap();
        @SuppressWarnings("unchecked")
        final List<Map<String, Object>> series = (List<Map<String, Object>>) m.get("series");
        assertEquals(java.util.Arrays.asList(null, 2.0), series.get(1).get("values"));
    }

    @SuppressWarnings("unchecked")
    private static List<Double> values(final Map<String, Object> m) {
        return (List<Double>) ((List<Map<String, Object>>) m.get("series")).get(0).get("values");
    }
}
