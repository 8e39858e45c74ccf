package io.helixagent.agent.cli;

import io.helixagent.agent.jmx.AgentMXBean;
import io.helixagent.agent.jmx.FindingView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An agent MBean with fixed answers, recording the operations called on it. */
final class FakeAgent implements AgentMXBean {
    final List<String> calls = new ArrayList<>();
    FindingView[] activeFindings = new FindingView[0];
    String[] reportPaths = {"helix-reports/helix-report-shop-4242.json", "/abs/helix-report-shop-4242.md"};
    RuntimeException failure;

    static FindingView finding(final String severity, final String detector, final String subject,
                               final String summary) {
        return new FindingView(detector, severity, subject, "title", summary, Map.of("queueFillRatio", "0.97"),
            new String[] {"do something"}, "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", true);
    }

    @Override
    public String getVersion() {
        return "1.2.3";
    }

    @Override
    public String getAttachMode() {
        return "dynamic";
    }

    @Override
    public FindingView[] getActiveFindings() {
        return activeFindings;
    }

    @Override
    public FindingView[] getFindings() {
        return activeFindings;
    }

    @Override
    public long getEventsProduced() {
        return 1200;
    }

    @Override
    public long getEventsDropped() {
        return 3;
    }

    @Override
    public int getInstrumentedClasses() {
        return 4;
    }

    @Override
    public String[] writeReport() {
        return call("writeReport");
    }

    @Override
    public String[] writeReportTo(final String directory) {
        return call("writeReportTo " + directory);
    }

    @Override
    public String[] detach() {
        return call("detach");
    }

    private String[] call(final String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        return reportPaths.clone();
    }
}
