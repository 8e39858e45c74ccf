package io.helixagent.core.detect;

/**
 * How bad a finding is. A detector's score (0 to 100) maps onto a severity with fixed limits, so that
 * every detector reaches every severity the same way (see {@link Score}).
 */
public enum Severity {
    /** Worth knowing; no action needed yet. Score 25 to 50. */
    INFO,
    /** Hurting now or about to: act soon. Score 50 to 75. */
    WARNING,
    /** Failing now: act immediately. Score 75 and above. */
    CRITICAL;

    /** Score at which a finding opens as INFO. */
    public static final double INFO_SCORE = 25;
    /** Score at which a finding is a WARNING. */
    public static final double WARNING_SCORE = 50;
    /** Score at which a finding is CRITICAL. */
    public static final double CRITICAL_SCORE = 75;

    /**
     * @param score 0 to 100.
     * @return the severity of that score, or null below {@link #INFO_SCORE} (nothing to report).
     */
    public static Severity of(final double score) {
        if (score >= CRITICAL_SCORE) {
            return CRITICAL;
        }
        if (score >= WARNING_SCORE) {
            return WARNING;
        }
        if (score >= INFO_SCORE) {
            return INFO;
        }
        return null;
    }
}
