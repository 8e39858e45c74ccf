package io.helixagent.it;

import com.sun.tools.attach.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Reads the agent's MXBean of another JVM as a plain JMX client would: open types only, no agent classes. */
final class AgentJmxClient {
    private AgentJmxClient() {
    }

    /** @return the {@code ActiveFindings} attribute, each finding's simple string fields. */
    static List<Map<String, String>> activeFindings(final long pid) throws Exception {
        final VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            final String address = vm.startLocalManagementAgent();
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                final MBeanServerConnection server = connector.getMBeanServerConnection();
                final CompositeData[] findings = (CompositeData[]) server.getAttribute(
                    new ObjectName("io.helixagent:type=Agent"), "ActiveFindings");
                final List<Map<String, String>> result = new ArrayList<>();
                for (final CompositeData f : findings) {
                    final Map<String, String> m = new TreeMap<>();
                    for (final String key : List.of("detector", "severity", "subject", "summary")) {
                        m.put(key, (String) f.get(key));
                    }
                    result.add(m);
                }
                return result;
            }
        } finally {
            vm.detach();
        }
    }
}
