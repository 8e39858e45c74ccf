package io.helixagent.core.detect;

/**
 * Maps a signal onto the 0-100 score scale shared by every detector: 25 at the INFO limit, 50 at the
 * WARNING limit, 75 at the CRITICAL limit, linear in between, rising on to 100 at twice the CRITICAL
 * limit. Unlike an exponential mapping that only approaches its top, every severity is reachable, and
 * the limits a user configures are exactly where the severity changes.
 */
public final class Score {
    private Score() {
    }

    /**
     * @param value    the signal, larger is worse.
     * @param info     where INFO starts.
     * @param warning  where WARNING starts, above {@code info}.
     * @param critical where CRITICAL starts, above {@code warning}.
     * @return the score, 0 to 100.
     */
    public static double of(final double value, final double info, final double warning, final double critical) {
        if (!(value > 0) || Double.isNaN(value)) {
            return 0;
        }
        if (value < info) {
            return Severity.INFO_SCORE * value / info;
        }
        if (value < warning) {
            return Severity.INFO_SCORE + Severity.INFO_SCORE * (value - info) / (warning - info);
        }
        if (value < critical) {
            return Severity.WARNING_SCORE + Severity.INFO_SCORE * (value - warning) / (critical - warning);
        }
        return Math.min(100, Severity.CRITICAL_SCORE + Severity.INFO_SCORE * (value - critical) / critical);
    }
}
