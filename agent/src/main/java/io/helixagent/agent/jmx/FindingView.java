package io.helixagent.agent.jmx;

import java.beans.ConstructorProperties;
import java.util.Map;

/**
 * A finding as JMX shows it: a composite of strings, so any client can read it without agent classes. It
 * refers to JDK types only, so a client may also put this class and {@link AgentMXBean} on its class path
 * and use {@code JMX.newMXBeanProxy}.
 */
public final class FindingView {
    private final String detector;
    private final String severity;
    private final String subject;
    private final String title;
    private final String summary;
    private final Map<String, String> evidence;
    private final String[] recommendations;
    private final String firstSeen;
    private final String lastSeen;
    private final boolean active;

    @ConstructorProperties({"detector", "severity", "subject", "title", "summary", "evidence", "recommendations",
        "firstSeen", "lastSeen", "active"})
    public FindingView(final String detector, final String severity, final String subject, final String title,
                       final String summary, final Map<String, String> evidence, final String[] recommendations,
                       final String firstSeen, final String lastSeen, final boolean active) {
        this.detector = detector;
        this.severity = severity;
        this.subject = subject;
        this.title = title;
        this.summary = summary;
        this.evidence = evidence;
        this.recommendations = recommendations.clone();
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.active = active;
    }

    public String getDetector() {
        return detector;
    }

    public String getSeverity() {
        return severity;
    }

    public String getSubject() {
        return subject;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Map<String, String> getEvidence() {
        return evidence;
    }

    public String[] getRecommendations() {
        return recommendations.clone();
    }

    public String getFirstSeen() {
        return firstSeen;
    }

    public String getLastSeen() {
        return lastSeen;
    }

    public boolean isActive() {
        return active;
    }
}
