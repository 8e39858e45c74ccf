package io.helixagent.agent.probe;

import io.helixagent.core.subject.Subject;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the code that created a watched object: the first stack frame that is neither the JDK, the
 * agent, nor a constructor of the object's own class hierarchy. Runs once per object, at construction.
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
        final Set<String> ownTypes = new HashSet<>();
        for (Class<?> c = created.getClass(); c != null; c = c.getSuperclass()) {
            ownTypes.add(c.getName());
        }
        return WALKER.walk(frames -> frames
            .filter(f -> !isInfrastructure(f.getClassName()))
            .filter(f -> !("<init>".equals(f.getMethodName()) && ownTypes.contains(f.getClassName())))
            .findFirst()
            .map(CreationSite::format)
            .orElse("unknown"));
    }

    /** @return {@code Class.method(File.java:line)} of the first application frame on the current stack. */
    public static String caller() {
        return WALKER.walk(frames -> frames
            .filter(f -> !isInfrastructure(f.getClassName()))
            .findFirst()
            .map(CreationSite::format)
            .orElse("unknown"));
    }

    private static String format(final StackWalker.StackFrame f) {
        return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
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
