package io.helixagent.core.detect;

import java.util.Locale;

/** Number formatting for findings, so that prose and evidence show the same figures. */
public final class Numbers {
    private Numbers() {
    }

    /** @return nanoseconds as milliseconds rounded to 0.1 ms. */
    public static double millis(final double nanos) {
        return round1(nanos / 1_000_000.0);
    }

    /** @return {@code value} rounded to one decimal. */
    public static double round1(final double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    /** @return {@code value} rounded to three decimals. */
    public static double round3(final double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    /** @return a ratio as a whole percentage, such as {@code 98%}. */
    public static String percent(final double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    /** @return a number without a trailing {@code .0}, one decimal at most. */
    public static String plain(final double value) {
        final double rounded = round1(value);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }
}
