package io.helixagent.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.helixagent.agent.jmx.AgentMXBean;
import java.io.Closeable;
import java.io.IOException;
import java.util.Properties;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A target reached through the attach API, and, for the agent's MBean, through the JMX connector that the
 * target's local management agent offers ({@code VirtualMachine.startLocalManagementAgent}): no port to
 * open or configure, only the target's own user can connect.
 */
final class TargetJvm implements Target {
    private final long pid;
    private final VirtualMachine vm;
    private JMXConnector connector;

    private TargetJvm(final long pid, final VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    /**
     * Attaches to {@code pid}, after {@link TargetProcess#inspect} has ruled out what it can without attaching.
     *
     * @return the attached target.
     * @throws CliException when the pid is not a JVM this user can attach to, with the reason.
     */
    static Target open(final long pid) throws CliException {
        final TargetProcess process = TargetProcess.inspect(pid);
        try {
            return new TargetJvm(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (final AttachNotSupportedException | IOException ex) {
            throw Failures.attachFailed(process, ex);
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Properties systemProperties() throws CliException {
        try {
            return vm.getSystemProperties();
        } catch (final IOException ex) {
            throw Failures.connectionFailed(pid, ex);
        }
    }

    @Override
    public void loadAgent(final String jarPath, final String options) throws CliException {
        try {
            vm.loadAgent(jarPath, options);
        } catch (final AgentLoadException | AgentInitializationException | IOException ex) {
            throw Failures.loadFailed(pid, jarPath, ex);
        }
    }

    @Override
    public AgentMXBean connectAgent() throws CliException {
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            final MBeanServerConnection connection = connector.getMBeanServerConnection();
            final ObjectName name = new ObjectName(AgentMXBean.OBJECT_NAME);
            if (!connection.isRegistered(name)) {
                throw Failures.mbeanMissing(pid);
            }
            return AgentCallException.attributing(JMX.newMXBeanProxy(connection, name, AgentMXBean.class));
        } catch (final IOException | JMException ex) {
            throw Failures.connectionFailed(pid, ex);
        }
    }

    @Override
    public void close() {
        if (connector != null) {
            closeQuietly(connector);
        }
        closeQuietly(vm::detach);
    }

    private static void closeQuietly(final Closeable resource) {
        try {
            resource.close();
        } catch (final IOException ex) {
            // the command's work is done and its output written; a target that went away meanwhile changes nothing
        }
    }
}
