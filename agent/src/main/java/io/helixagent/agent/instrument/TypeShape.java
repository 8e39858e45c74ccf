package io.helixagent.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.core.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What a module's advice expects of a library class: the methods it hooks and the fields it reads. Checked
 * before weaving, so that a library version the module does not understand is left untouched, with one log line
 * naming what is missing, instead of being woven in part. The host never sees a {@code VerifyError} or a
 * {@code NoSuchMethodError} from the agent: what is not there is not woven.
 */
public final class TypeShape {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final String module;
    private final List<String> methods = new ArrayList<>();
    private final List<ElementMatcher<? super MethodDescription>> methodMatchers = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();

    private TypeShape(final String module) {
        this.module = module;
    }

    /** @return an empty shape for the module whose id the log line names. */
    public static TypeShape of(final String module) {
        return new TypeShape(module);
    }

    /**
     * Expects a method declared by the type itself with that many arguments (-1: any number); {@code <init>}
     * names a constructor.
     */
    public TypeShape method(final String name, final int arguments) {
        methods.add(name + (arguments < 0 ? "(..)" : "(" + arguments + " arguments)"));
        final ElementMatcher.Junction<MethodDescription> byName = "<init>".equals(name) ? isConstructor()
            : named(name);
        methodMatchers.add(arguments < 0 ? byName : byName.and(takesArguments(arguments)));
        return this;
    }

    /** Expects a field declared by the type or one of its superclasses. */
    public TypeShape field(final String name) {
        fields.add(name);
        return this;
    }

    /**
     * @return true when {@code type} has everything expected; otherwise logs once per type what it lacks.
     */
    public boolean matches(final TypeDescription type) {
        final List<String> missing = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            if (type.getDeclaredMethods().filter(methodMatchers.get(i)).isEmpty()) {
                missing.add("method " + methods.get(i));
            }
        }
        for (final String field : fields) {
            if (!hasField(type, field)) {
                missing.add("field " + field);
            }
        }
        if (!missing.isEmpty() && REPORTED.add(module + ":" + type.getName())) {
            AgentLog.warn(module + ": " + type.getName() + " lacks " + String.join(", ", missing)
                + ": this version is not supported, left uninstrumented");
        }
        return missing.isEmpty();
    }

    private static boolean hasField(final TypeDescription type, final String name) {
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
            if (!t.getDeclaredFields().filter(named(name)).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
