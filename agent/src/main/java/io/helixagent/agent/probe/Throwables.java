package io.helixagent.agent.probe;

/**
 * Tells exceptions apart by class name, for types the agent's loader cannot or should not load: a library's
 * exceptions ({@code ConnectionRequestTimeoutException}), or those of a JDK module an application may leave out
 * of its runtime image ({@code java.sql}). {@link Class#getName} is cached by the JVM, so this allocates nothing.
 */
public final class Throwables {
    private Throwables() {
    }

    /** @return true when {@code thrown} is of class {@code className} or a subclass of it. */
    public static boolean isA(final Throwable thrown, final String className) {
        for (Class<?> c = thrown.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
