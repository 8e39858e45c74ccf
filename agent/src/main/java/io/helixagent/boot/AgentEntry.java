package io.helixagent.boot;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The one class of helix-agent that the host's system class loader sees first: {@code Premain-Class},
 * {@code Agent-Class} and {@code Main-Class} of {@code helix-agent.jar}.
 * <p>
 * It is compiled for Java 8 on purpose, so that an older JVM reaches this code and gets one clear line
 * instead of an {@link UnsupportedClassVersionError} in the middle of its start. Everything else
 * happens in {@link AgentBootstrap}, which needs Java 17.
 */
public final class AgentEntry {
    /** The oldest Java feature release helix-agent runs on. */
    static final int MIN_JAVA_FEATURE = 17;

    private static final String BOOTSTRAP_CLASS = "io.helixagent.boot.AgentBootstrap";

    private AgentEntry() {
    }

    /**
     * Called by the JVM for {@code -javaagent:helix-agent.jar[=args]}.
     *
     * @param args the text after {@code =}, or null.
     * @param inst the JVM's instrumentation service.
     */
    public static void premain(final String args, final Instrumentation inst) {
        start(args, inst, "premain");
    }

    /**
     * Called by the JVM when a tool loads the agent into a running JVM.
     *
     * @param args the agent arguments, or null.
     * @param inst the JVM's instrumentation service.
     */
    public static void agentmain(final String args, final Instrumentation inst) {
        start(args, inst, "dynamic");
    }

    /**
     * The command line: {@code java -jar helix-agent.jar <command> ...}.
     *
     * @param args the command and its arguments.
     */
    public static void main(final String[] args) {
        if (!javaIsSupported()) {
            System.err.println("helix-agent: needs Java " + MIN_JAVA_FEATURE + " or newer, this is Java "
                + System.getProperty("java.specification.version") + "; run it with a newer java");
            System.exit(1);
        }
        final Object exitCode = invoke("runCli", new Class<?>[] {String[].class}, new Object[] {args});
        System.exit(exitCode instanceof Integer ? (Integer) exitCode : 1);
    }

    private static void start(final String args, final Instrumentation inst, final String mode) {
        if (!javaIsSupported()) {
            System.err.println("helix-agent: needs Java " + MIN_JAVA_FEATURE + " or newer, this JVM is Java "
                + System.getProperty("java.specification.version") + "; the application runs without the agent");
            return;
        }
        invoke("start", new Class<?>[] {String.class, Instrumentation.class, String.class},
            new Object[] {args, inst, mode});
    }

    private static Object invoke(final String method, final Class<?>[] types, final Object[] values) {
        try {
            final Method target = Class.forName(BOOTSTRAP_CLASS).getMethod(method, types);
            return target.invoke(null, values);
        } catch (final InvocationTargetException ex) {
            System.err.println("helix-agent: " + ex.getCause());
        } catch (final Throwable ex) {
            System.err.println("helix-agent: could not start: " + ex);
        }
        return null;
    }

    static boolean javaIsSupported() {
        final String spec = System.getProperty("java.specification.version", "0");
        if (spec.startsWith("1.")) {
            return false;
        }
        try {
            return Integer.parseInt(spec) >= MIN_JAVA_FEATURE;
        } catch (final NumberFormatException ex) {
            return false;
        }
    }
}
