package io.helixagent.agent.instrument.beans;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.bridge.Probes;
import io.helixagent.core.feature.ListenerFeature;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeListenerProxy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * {@code beans}: {@code java.beans.PropertyChangeSupport}, the listener list behind JavaBeans and Swing's
 * property listeners, for {@code listeners.leak}.
 * <ul>
 *   <li>{@code add}/{@code removePropertyChangeListener(listener)}: all-property registrations; a
 *       {@code PropertyChangeListenerProxy} is skipped because these methods pass it on to the named-property
 *       variant, which counts it;</li>
 *   <li>{@code add}/{@code removePropertyChangeListener(name, listener)}: named-property registrations; a null
 *       name registers nothing and is skipped.</li>
 * </ul>
 * Public API, unchanged since Java 1.4.
 */
public final class PropertyChangeSupportModule implements InstrumentationModule {
    @Override
    public String id() {
        return "beans";
    }

    @Override
    public String supports() {
        return "java.beans.PropertyChangeSupport (JDK 17+)";
    }

    @Override
    public AgentBuilder extend(final AgentBuilder builder) {
        return builder.type(named("java.beans.PropertyChangeSupport"))
            .transform((b, type, loader, module, domain) -> b
                .visit(Advice.to(Add.class).on(named("addPropertyChangeListener")
                    .and(takesArguments(PropertyChangeListener.class))))
                .visit(Advice.to(Remove.class).on(named("removePropertyChangeListener")
                    .and(takesArguments(PropertyChangeListener.class))))
                .visit(Advice.to(AddNamed.class).on(named("addPropertyChangeListener")
                    .and(takesArguments(String.class, PropertyChangeListener.class))))
                .visit(Advice.to(RemoveNamed.class).on(named("removePropertyChangeListener")
                    .and(takesArguments(String.class, PropertyChangeListener.class)))));
    }

    /** An all-property registration. */
    public static final class Add {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object listener) {
            if (!(listener instanceof PropertyChangeListenerProxy)) {
                Probes.listenerAdded(listener, ListenerFeature.CONTAINER_BEANS);
            }
        }
    }

    /** An all-property removal. */
    public static final class Remove {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final Object listener) {
            if (!(listener instanceof PropertyChangeListenerProxy)) {
                Probes.listenerRemoved(listener);
            }
        }
    }

    /** A named-property registration. */
    public static final class AddNamed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final String name, @Advice.Argument(1) final Object listener) {
            if (name != null) {
                Probes.listenerAdded(listener, ListenerFeature.CONTAINER_BEANS);
            }
        }
    }

    /** A named-property removal. */
    public static final class RemoveNamed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) final String name, @Advice.Argument(1) final Object listener) {
            if (name != null) {
                Probes.listenerRemoved(listener);
            }
        }
    }
}
