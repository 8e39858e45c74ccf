package io.helixagent.agent.probe;

import io.helixagent.core.subject.Subject;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the code that created a watched object, or that called into a library: the first stack frame that is
 * neither the JDK, the agent, the watched library, nor a constructor of the object's own class hierarchy. Runs
 * once per object, or once per call it names (a fan-out, a listener registration).
 */
public final class CreationSite {
    /** What a subject's creation site says when the object was created before the agent attached. */
    public static final String BEFORE_ATTACH = Subject.SITE_BEFORE_ATTACH;
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
     * @param created the object under construction.
     * @param library package prefix of the library that builds it (its factories are not the creator), or null.
     * @return {@code Class.method(File.java:line)} of the creating frame, or {@code unknown}.
     */
    public static String of(final Object created, final String library) {
        final Set<String> ownTypes = new HashSet<>();
        for (Class<?> c = created.getClass(); c != null; c = c.getSuperclass()) {
            ownTypes.add(c.getName());
        }
        return first(f -> !isOutside(f.getClassName(), library)
            && !("<init>".equals(f.getMethodName()) && ownTypes.contains(f.getClassName())));
    }

    /** @return {@code Class.method(File.java:line)} of the first application frame on the current stack. */
    public static String caller() {
        return first(f -> !isOutside(f.getClassName(), null));
    }

    /**
     * Finds the code that called a registration method. Application classes often wrap the registration in a
     * method of the same name (a bean's own {@code addPropertyChangeListener}); those wrappers are skipped too,
     * so the site is the code that decided to register, not the bean every listener goes through.
     *
     * @param library package prefix of the library being called, such as {@code com.google.common.eventbus.},
     *                or null.
     * @param method  the registration method's name, such as {@code addPropertyChangeListener}.
     * @return {@code Class.method(File.java:line)} of the application frame that called it, or {@code unknown}.
     */
    public static String caller(final String library, final String method) {
        return first(f -> !isOutside(f.getClassName(), library) && !method.equals(f.getMethodName()));
    }

    private static String first(final Predicate<StackWalker.StackFrame> application) {
        return WALKER.walk(frames -> frames
            .filter(application)
            .findFirst()
            .map(CreationSite::format)
            .orElse("unknown"));
    }

    /** @return true when a frame of a class whose name starts with {@code packagePrefix} is on the stack. */
    public static boolean calledFrom(final String packagePrefix) {
        return WALKER.walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(packagePrefix)));
    }

    private static String format(final StackWalker.StackFrame f) {
        return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
    }

    /** @return true for the JDK, the agent and {@code library}: frames that are never the application. */
    private static boolean isOutside(final String className, final String library) {
        if (library != null && className.startsWith(library)) {
            return true;
        }
        for (final String prefix : INFRASTRUCTURE) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
