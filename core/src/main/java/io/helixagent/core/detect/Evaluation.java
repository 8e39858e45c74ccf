package io.helixagent.core.detect;

import java.util.List;
import java.util.Map;

/**
 * One detector's verdict on one subject at one tick, before it becomes (part of) a finding.
 *
 * @param detector        detector id.
 * @param subjectKey      stable key of the subject within the detector (a subject id, a host name).
 * @param subject         the subject in words: name and creation site.
 * @param score           0 to 100, see {@link Score}; below 25 means healthy.
 * @param title           short headline.
 * @param summary         one sentence with the key numbers.
 * @param evidence        the numbers behind the score, units in the keys, in display order.
 * @param recommendations concrete actions, most important first.
 */
public record Evaluation(String detector, String subjectKey, String subject, double score, String title,
                         String summary, Map<String, Object> evidence, List<String> recommendations) {
    /** @return the severity of the score, or null when healthy. */
    public Severity severity() {
        return Severity.of(score);
    }
}
