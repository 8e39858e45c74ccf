package io.helixagent.core.sample;

import io.helixagent.core.log.AgentLog;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Public methods of a host library's classes, called by name: the library's classes are not visible to the
 * agent's loader, so samplers read live objects reflectively. Each class is looked up once (a
 * {@link ClassValue}, so a redeployed application's classes can still be unloaded); a class that lacks a getter
 * is a library version the sampler does not understand, reported in one log line and then left alone.
 * Pipeline thread only, once per tick: the boxing of {@link Method#invoke} is not on any host thread.
 */
final class Getters {
    private final String library;
    private final String[] names;
    private final ClassValue<Method[]> methods = new ClassValue<>() {
        @Override
        protected Method[] computeValue(final Class<?> type) {
            return lookUp(type);
        }
    };

    /**
     * @param library what the log line calls the library, or null for methods that some versions lack by design.
     * @param names   method names, in the order {@link #of} returns them; {@code name/1} is a method taking
     *                one argument, a plain name one taking none.
     */
    Getters(final String library, final String... names) {
        this.library = library;
        this.names = names.clone();
    }

    /** @return methods that some versions of a library lack: a class without them is not reported. */
    static Getters optional(final String... names) {
        return new Getters(null, names);
    }

    /** @return the methods of {@code type} in constructor order, or null when it lacks one. */
    Method[] of(final Class<?> type) {
        return methods.get(type);
    }

    private Method[] lookUp(final Class<?> type) {
        final Method[] found = new Method[names.length];
        for (int i = 0; i < names.length; i++) {
            final int slash = names[i].indexOf('/');
            final String name = slash < 0 ? names[i] : names[i].substring(0, slash);
            final int arity = slash < 0 ? 0 : Integer.parseInt(names[i].substring(slash + 1));
            found[i] = publicMethod(type, name, arity);
            if (found[i] == null) {
                if (library == null) {
                    return null;
                }
                AgentLog.warn(library + ": " + type.getName() + " has no public method " + name + " taking "
                    + arity + " arguments: this version is not supported, its figures are not sampled");
                return null;
            }
        }
        return found;
    }

    /**
     * Finds the method on a public class or interface of the hierarchy, so that a call through a non-public
     * subclass is still allowed.
     */
    private static Method publicMethod(final Class<?> type, final String name, final int arity) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            final Method m = declared(c, name, arity);
            if (m != null) {
                return m;
            }
            for (final Class<?> i : c.getInterfaces()) {
                final Method fromInterface = publicMethod(i, name, arity);
                if (fromInterface != null) {
                    return fromInterface;
                }
            }
        }
        return null;
    }

    private static Method declared(final Class<?> c, final String name, final int arity) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        for (final Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isPublic(m.getModifiers())
                && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    /** @return a getter's numeric result as an int. */
    static int integer(final Method getter, final Object target) throws ReflectiveOperationException {
        return ((Number) getter.invoke(target)).intValue();
    }

    /** @return a getter's numeric result as a long. */
    static long number(final Method getter, final Object target) throws ReflectiveOperationException {
        return ((Number) getter.invoke(target)).longValue();
    }
}
