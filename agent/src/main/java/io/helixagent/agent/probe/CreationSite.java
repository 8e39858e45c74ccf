package io.helixagent.agent.probe;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the code that created a watched object: the first stack frame that is neither the JDK, the
 * agent, nor a constructor of the object's own class hierarchy. Runs once per object, at construction.
 */
public final class CreationSite {
    /** What a subject's creation site says when the object was created before the agent attached. */
    public static final String BEFORE_ATTACH = "unknown (created before helix-agent attached)";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String[] INFRASTRUCTURE = {"java.", "javax.", "jdk.", "sun.", "com.sun.",
        "io.helixagent.agent.", "io.helixagent.core.", "io.helixagent.bridge.", "net.bytebuddy."};

    private CreationSite() {
    }

    /**
     * @param created the object under construction.
     * @return {@code Class.method(File.java:line)} of the creating frame, or {@code unknown}.
     */
    public static String of(final Object created) {
        return of(created, null);
    }

    /**
     * For objects a library builds on the application's behalf (a connection pool built by its data source or
     * builder): the library's own frames are skipped too.
     *
     * @param created       the object under construction.
     * @param libraryPrefix the package prefix of the library, such as {@code com.zaxxer.hikari.}, or null.
     * @return {@code Class.method(File.java:line)} of the creating frame, or {@code unknown}.
     */
    public static String of(final Object created, final String libraryPrefix) {
        final Set<String> ownTypes = new HashSet<>();
        for (Class<?> c = created.getClass(); c != null; c = c.getSuperclass()) {
            ownTypes.add(c.getName());
        }
        return WALKER.walk(frames -> frames
            .filter(f -> !isInfrastructure(f.getClassName()))
            .filter(f -> libraryPrefix == null || !f.getClassName().startsWith(libraryPrefix))
            .filter(f -> !("<init>".equals(f.getMethodName()) && ownTypes.contains(f.getClassName())))
            .findFirst()
            .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber()
                + ")")
            .orElse("unknown"));
    }

    private static boolean isInfrastructure(final String className) {
        for (final String prefix : INFRASTRUCTURE) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
