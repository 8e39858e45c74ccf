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
     * Like {@link #of(Object)}, skipping the frames of the library that built the object as well: a cache is
     * created by its library's builder or factory, and users know the code that called the builder.
     *
     * @param created        the object under construction.
     * @param libraryPackage a package prefix such as {@code com.github.benmanes.caffeine.}, or null.
     * @return {@code Class.method(File.java:line)} of the creating frame, or {@code unknown}.
     */
    public static String of(final Object created, final String libraryPackage) {
        final Set<String> ownTypes = new HashSet<>();
        for (Class<?> c = created.getClass(); c != null; c = c.getSuperclass()) {
            ownTypes.add(c.getName());
        }
        return WALKER.walk(frames -> frames
            .filter(f -> !isInfrastructure(f.getClassName()))
            .filter(f -> libraryPackage == null || !f.getClassName().startsWith(libraryPackage))
            .filter(f -> !("<init>".equals(f.getMethodName()) && ownTypes.contains(f.getClassName())))
            .findFirst()
            .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber()
                + ")")
            .orElse("unknown"));
    }

    /** @return true when a frame of a class whose name starts with {@code packagePrefix} is on the stack. */
    public static boolean calledFrom(final String packagePrefix) {
        return WALKER.walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(packagePrefix)));
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
