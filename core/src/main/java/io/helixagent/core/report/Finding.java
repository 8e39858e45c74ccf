package io.helixagent.core.report;

import io.helixagent.core.detect.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One finding as it appears in reports, JMX and metrics: an immutable snapshot.
 *
 * @param detector        detector id, such as {@code pool.saturation}.
 * @param severity        INFO, WARNING or CRITICAL.
 * @param subject         what is wrong, in words a user finds in their code (name and creation site).
 * @param title           a short headline.
 * @param summary         one or two sentences with the key numbers.
 * @param evidence        the numbers that made the decision, units in the key names, in display order.
 * @param recommendations concrete actions, most important first.
 * @param firstSeen       when the finding first opened.
 * @param lastSeen        when it was last confirmed.
 * @param active          false once the condition has cleared.
 */
public record Finding(String detector, Severity severity, String subject, String title, String summary,
                      Map<String, Object> evidence, List<String> recommendations, Instant firstSeen,
                      Instant lastSeen, boolean active) {
}
