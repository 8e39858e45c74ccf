package io.helixagent.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time series for the report's charts, covering the whole run in bounded memory: every series holds at
 * most {@link #capacity} points; when full, neighbouring points are averaged pairwise and the step
 * doubles. A series that starts late (a pool created later) has no values before its start.
 * Single-threaded: the pipeline thread appends, and {@link #toMap} copies.
 */
public final class Timeline {
    private final int capacity;
    private final long startMillis;
    private final long tickMillis;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private long stepMillis;
    private int points;
    private int pending;

    /**
     * @param startMillis   epoch milliseconds of the first point.
     * @param tickMillis    the interval between {@link #append} calls.
     * @param capacity      points kept per series, even.
     */
    public Timeline(final long startMillis, final long tickMillis, final int capacity) {
        this.startMillis = startMillis;
        this.tickMillis = tickMillis;
        this.stepMillis = tickMillis;
        this.capacity = capacity - (capacity % 2);
    }

    /**
     * Adds one tick of values; names not given this tick get no value.
     *
     * @param values series name to value; the unit is taken from {@code units} the first time a name is seen.
     * @param units  series name to unit.
     */
    public void append(final Map<String, Double> values, final Map<String, String> units) {
        final int ticksPerPoint = (int) (stepMillis / tickMillis);
        for (final Map.Entry<String, Double> v : values.entrySet()) {
            final Series s = series.computeIfAbsent(v.getKey(), k -> new Series(units.getOrDefault(k, ""), capacity));
            s.accumulate(v.getValue());
        }
        pending++;
        if (pending < ticksPerPoint) {
            return;
        }
        pending = 0;
        for (final Series s : series.values()) {
            s.close(points);
        }
        points++;
        if (points == capacity) {
            for (final Series s : series.values()) {
                s.halve();
            }
            points = capacity / 2;
            stepMillis *= 2;
        }
    }

    /** @return the timeline as a JSON-compatible ordered map. */
    public Map<String, Object> toMap() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("startMs", startMillis);
        m.put("stepMs", stepMillis);
        m.put("points", points);
        final List<Object> list = new ArrayList<>();
        for (final Map.Entry<String, Series> e : series.entrySet()) {
            final Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.getKey());
            s.put("unit", e.getValue().unit);
            s.put("values", e.getValue().values(points));
            list.add(s);
        }
        m.put("series", list);
        return m;
    }

    /** One series' points plus the values accumulating for the next point. */
    private static final class Series {
        private final String unit;
        private final double[] values;
        private double sum;
        private int count;

        Series(final String unit, final int capacity) {
            this.unit = unit;
            this.values = new double[capacity];
            Arrays.fill(values, Double.NaN);
        }

        void accumulate(final Double value) {
            if (value != null && !value.isNaN()) {
                sum += value;
                count++;
            }
        }

        void close(final int index) {
            values[index] = count == 0 ? Double.NaN : sum / count;
            sum = 0;
            count = 0;
        }

        void halve() {
            for (int i = 0; i < values.length / 2; i++) {
                values[i] = mean(values[2 * i], values[2 * i + 1]);
            }
            Arrays.fill(values, values.length / 2, values.length, Double.NaN);
        }

        private static double mean(final double x, final double y) {
            if (Double.isNaN(x)) {
                return y;
            }
            return Double.isNaN(y) ? x : (x + y) / 2;
        }

        List<Double> values(final int points) {
            final List<Double> list = new ArrayList<>(points);
            for (int i = 0; i < points; i++) {
                list.add(Double.isNaN(values[i]) ? null : values[i]);
            }
            return list;
        }
    }
}
