package io.helixagent.agent.instrument.http;

import io.helixagent.core.log.AgentLog;
import io.helixagent.core.subject.HostRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Reads an HttpClient 5 {@code HttpHost} (scheme, host name, port) on the host's thread without reflection's
 * boxing: method handles found once per class with the public lookup and adapted to {@code Object} receivers,
 * so {@code invokeExact} returns the {@code String}s the host already holds and a primitive port. A class
 * without these getters is a version not understood: one log line, and its calls get no host.
 */
final class ApacheHosts {
    private static final MethodType STRING_OF_OBJECT = MethodType.methodType(String.class, Object.class);
    private static final MethodType INT_OF_OBJECT = MethodType.methodType(int.class, Object.class);
    private static final ClassValue<MethodHandle[]> GETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(final Class<?> type) {
            final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                return new MethodHandle[] {
                    lookup.findVirtual(type, "getSchemeName", MethodType.methodType(String.class))
                        .asType(STRING_OF_OBJECT),
                    lookup.findVirtual(type, "getHostName", MethodType.methodType(String.class))
                        .asType(STRING_OF_OBJECT),
                    lookup.findVirtual(type, "getPort", MethodType.methodType(int.class)).asType(INT_OF_OBJECT)};
            } catch (final ReflectiveOperationException | RuntimeException ex) {
                AgentLog.warn("httpclient5: cannot read the target of calls from " + type.getName() + " ("
                    + AgentLog.describe(ex) + "): this version is not supported, its calls are not timed");
                return null;
            }
        }
    };

    private ApacheHosts() {
    }

    /** @return the id of {@code target}'s {@code scheme://host:port}, or {@link HostRegistry#UNKNOWN}. */
    static int idOf(final HostRegistry hosts, final Object target) throws Throwable {
        if (target == null) {
            return HostRegistry.UNKNOWN;
        }
        final MethodHandle[] h = GETTERS.get(target.getClass());
        if (h == null) {
            return HostRegistry.UNKNOWN;
        }
        return hosts.idOf((String) h[0].invokeExact(target), (String) h[1].invokeExact(target),
            (int) h[2].invokeExact(target));
    }
}
