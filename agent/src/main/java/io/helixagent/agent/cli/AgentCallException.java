package io.helixagent.agent.cli;

import io.helixagent.agent.jmx.AgentMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * What a call on the agent's MBean threw: the agent's failure or the connection's, not a bug of the command line.
 * The MXBean proxy rethrows the agent's own runtime exceptions as they are, so without this mark a failed
 * {@code writeReport} could not be told apart from a bug here.
 */
final class AgentCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private AgentCallException(final Throwable cause) {
        super(cause);
    }

    /** @return {@code bean}, with whatever its methods throw wrapped in an {@code AgentCallException}. */
    static AgentMXBean attributing(final AgentMXBean bean) {
        return (AgentMXBean) Proxy.newProxyInstance(AgentMXBean.class.getClassLoader(),
            new Class<?>[] {AgentMXBean.class}, (proxy, method, args) -> {
                try {
                    return method.invoke(bean, args);
                } catch (final InvocationTargetException ex) {
                    throw new AgentCallException(ex.getCause());
                }
            });
    }
}
