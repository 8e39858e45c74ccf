package io.helixagent.agent.cli;

import io.helixagent.agent.AgentRuntime;
import io.helixagent.agent.jmx.AgentMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A target JVM in memory: its system properties, and an agent that "starts" when loaded. */
final class FakeTarget implements Target {
    static final long PID = 4242;

    final Properties properties = new Properties();
    final List<String> loads = new ArrayList<>();
    final FakeAgent agent = new FakeAgent();
    boolean agentStartsOnLoad = true;
    boolean mbeanRegistered = true;
    boolean closed;

    FakeTarget(final String specificationVersion) {
        properties.setProperty("java.specification.version", specificationVersion);
        properties.setProperty("java.version", specificationVersion + ".0.1");
        properties.setProperty("user.dir", "/srv/shop");
    }

    /** @return a Java 17 target whose agent already runs. */
    static FakeTarget withAgent() {
        final FakeTarget target = new FakeTarget("17");
        target.properties.setProperty(AgentRuntime.VERSION_PROPERTY, "1.2.3");
        return target;
    }

    @Override
    public long pid() {
        return PID;
    }

    @Override
    public Properties systemProperties() {
        final Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public void loadAgent(final String jarPath, final String options) {
        loads.add(jarPath + "=" + options);
        if (agentStartsOnLoad) {
            properties.setProperty(AgentRuntime.VERSION_PROPERTY, "1.2.3");
        }
    }

    @Override
    public AgentMXBean connectAgent() throws CliException {
        if (!mbeanRegistered) {
            throw Failures.mbeanMissing(PID);
        }
        return AgentCallException.attributing(agent);
    }

    @Override
    public void close() {
        closed = true;
    }
}
