package io.helixagent.agent;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Defines the bridge classes in the bootstrap loader with {@code jdk.internal.misc.Unsafe.defineClass}, which
 * the bootstrap opened to this loader only. Unlike {@code appendToBootstrapClassLoaderSearch}, this leaves the
 * bootstrap search path alone, so the JVM keeps class-data sharing for every loader and prints nothing.
 * Called by {@code AgentBootstrap} through reflection, before any class that refers to the bridge is loaded.
 */
public final class BridgeInjector {
    private BridgeInjector() {
    }

    /**
     * @param classes class name to class file, interfaces first.
     * @return true when every class was defined; false when this JDK offers no such method, and the caller
     *     falls back to the bootstrap search path.
     */
    public static boolean inject(final Map<String, byte[]> classes) {
        final Object unsafe;
        final Method define;
        try {
            final Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            unsafe = type.getMethod("getUnsafe").invoke(null);
            define = type.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        } catch (final ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
        for (final Map.Entry<String, byte[]> c : classes.entrySet()) {
            try {
                define.invoke(unsafe, c.getKey(), c.getValue(), 0, c.getValue().length, null, null);
            } catch (final ReflectiveOperationException ex) {
                throw new IllegalStateException("bridge class " + c.getKey() + " not defined: " + ex.getCause(), ex);
            }
        }
        return true;
    }
}
