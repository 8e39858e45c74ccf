package io.helixagent.agent.instrument;

import io.helixagent.core.log.AgentLog;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Checks that a library class still declares every method a module hooks, before weaving it. Hooks into a
 * library's internals are tied to its versions: a version without one of them is left untouched as a whole, with
 * one log line, rather than half-instrumented into wrong numbers.
 */
public final class RequiredMethods {
    private RequiredMethods() {
    }

    /**
     * @param moduleId the module, for the log line.
     * @param type     the class about to be woven.
     * @param required one matcher per hooked method.
     * @return true when {@code type} declares a method matching each of them.
     */
    public static boolean present(final String moduleId, final TypeDescription type,
                                  final List<ElementMatcher<? super MethodDescription>> required) {
        for (final ElementMatcher<? super MethodDescription> matcher : required) {
            if (type.getDeclaredMethods().filter(matcher).isEmpty()) {
                AgentLog.warn(moduleId + ": left " + type.getName() + " uninstrumented, an unsupported version "
                    + "(no method " + matcher + ")");
                return false;
            }
        }
        return true;
    }
}
