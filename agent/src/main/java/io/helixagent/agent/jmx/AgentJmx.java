package io.helixagent.agent.jmx;

import io.helixagent.agent.AgentRuntime;
import io.helixagent.core.log.AgentLog;
import io.helixagent.core.report.Finding;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * The {@code io.helixagent:type=Agent} MXBean, plus a JMX notification (type {@value #NOTIFICATION_TYPE})
 * for every finding that opens, escalates or closes. The notification's user data is a
 * {@code HashMap<String, String>} so that plain JMX clients can read it.
 */
public final class AgentJmx extends NotificationBroadcasterSupport implements AgentMXBean {
    /** The notification type of finding changes. */
    public static final String NOTIFICATION_TYPE = "io.helixagent.finding";

    private final AgentRuntime runtime;
    private final AtomicLong sequence = new AtomicLong();
    private ObjectName name;

    /** @param runtime the running agent. */
    public AgentJmx(final AgentRuntime runtime) {
        super(new MBeanNotificationInfo[] {new MBeanNotificationInfo(new String[] {NOTIFICATION_TYPE},
            Notification.class.getName(), "a finding opened, escalated or closed")});
        this.runtime = runtime;
    }

    /** Registers with the platform MBean server; a name already taken is logged, and the agent runs on. */
    public void register() {
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName objectName = new ObjectName(OBJECT_NAME);
            server.registerMBean(this, objectName);
            name = objectName;
        } catch (final JMException | RuntimeException ex) {
            AgentLog.warn("JMX bean " + OBJECT_NAME + " not registered: " + AgentLog.describe(ex));
        }
    }

    /** Unregisters, if registered. */
    public void unregister() {
        final ObjectName registered = name;
        name = null;
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (final JMException | RuntimeException ex) {
                AgentLog.debug("JMX bean not unregistered: " + AgentLog.describe(ex));
            }
        }
    }

    /** Sends the notification for a changed finding. */
    public void onFindingChanged(final Finding finding) {
        final Notification n = new Notification(NOTIFICATION_TYPE, OBJECT_NAME, sequence.incrementAndGet(),
            System.currentTimeMillis(), (finding.active() ? finding.severity().name() : "ENDED") + " "
            + finding.detector() + " " + finding.subject() + ": " + finding.summary());
        final HashMap<String, String> data = new HashMap<>();
        data.put("detector", finding.detector());
        data.put("severity", finding.severity().name());
        data.put("subject", finding.subject());
        data.put("title", finding.title());
        data.put("summary", finding.summary());
        data.put("active", Boolean.toString(finding.active()));
        n.setUserData(data);
        sendNotification(n);
    }

    @Override
    public String getVersion() {
        return runtime.info().agentVersion();
    }

    @Override
    public String getAttachMode() {
        return runtime.info().attachMode();
    }

    @Override
    public FindingView[] getActiveFindings() {
        return views(runtime.latestReport().activeFindings());
    }

    @Override
    public FindingView[] getFindings() {
        return views(runtime.latestReport().findings());
    }

    private static FindingView[] views(final List<Finding> findings) {
        return findings.stream().map(AgentJmx::view).toArray(FindingView[]::new);
    }

    private static FindingView view(final Finding finding) {
        final Map<String, String> evidence = new LinkedHashMap<>();
        finding.evidence().forEach((k, v) -> evidence.put(k, String.valueOf(v)));
        return new FindingView(finding.detector(), finding.severity().name(), finding.subject(), finding.title(),
            finding.summary(), evidence, finding.recommendations().toArray(new String[0]),
            finding.firstSeen().toString(), finding.lastSeen().toString(), finding.active());
    }

    @Override
    public long getEventsProduced() {
        return runtime.ring().produced();
    }

    @Override
    public long getEventsDropped() {
        return runtime.ring().dropped();
    }

    @Override
    public int getInstrumentedClasses() {
        return runtime.instrumentedClasses();
    }

    @Override
    public String[] writeReport() {
        return paths(runtime.writeReports(null));
    }

    @Override
    public String[] writeReportTo(final String directory) {
        return paths(runtime.writeReports(Path.of(directory)));
    }

    @Override
    public String[] detach() {
        return paths(runtime.detach());
    }

    private static String[] paths(final List<Path> paths) {
        return paths.stream().map(Path::toString).toArray(String[]::new);
    }
}
