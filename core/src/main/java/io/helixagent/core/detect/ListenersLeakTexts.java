package io.helixagent.core.detect;

import io.helixagent.core.detect.ListenersLeakDetector.LeakFigures;
import io.helixagent.core.feature.ListenerFeature;
import java.util.List;

/**
 * The words of {@code listeners.leak}, kept in one place: the guide's "verify event subscribers are
 * unsubscribed" (always unsubscribe when done) made concrete with the registering code, its counts and the
 * library's own removal call.
 */
final class ListenersLeakTexts {
    private ListenersLeakTexts() {
    }

    static String title(final LeakFigures f) {
        return f.container() + " listeners registered at " + shortSite(f.site()) + " are never removed";
    }

    static String summary(final LeakFigures f) {
        return f.container() + " listeners registered at " + f.site() + ": " + f.live() + " still registered, growing "
            + Numbers.plain(f.growthPerMinute()) + "/min over the last " + f.seconds() + " s ("
            + Numbers.plain(f.addedPerSec()) + " registered/s, " + Numbers.plain(f.removedPerSec()) + " removed/s; "
            + f.addedTotal() + " registered and " + f.removedTotal() + " removed so far).";
    }

    static List<String> recommendations(final LeakFigures f) {
        return List.of(
            "Unsubscribe when done: " + f.site() + " registered " + f.addedTotal() + " listeners and removed "
                + f.removedTotal() + " of them; call " + removal(f.container()) + " when the owner of the "
                + "listener is finished (close(), a finally block, the end of its life cycle).",
            "Register once: if this code runs per request or per object, register one listener at start-up and "
                + "dispatch from it, instead of adding one per call.",
            "Mind the heap: each of the " + f.live() + " listeners keeps what it references reachable; if a listener "
                + "must not outlive its owner and the owner cannot remove it, have it hold the owner weakly and "
                + "remove itself once the owner is gone.");
    }

    private static String removal(final String container) {
        return switch (container) {
            case ListenerFeature.CONTAINER_EVENTBUS -> "eventBus.unregister(listener)";
            case ListenerFeature.CONTAINER_FLOW -> "cancel() on the Flow.Subscription the subscriber received in "
                + "onSubscribe";
            default -> "removePropertyChangeListener(listener) on the same PropertyChangeSupport (or bean)";
        };
    }

    /** @return {@code Class.method} without the package and the file position, for titles. */
    private static String shortSite(final String site) {
        final int paren = site.indexOf('(');
        final String method = paren < 0 ? site : site.substring(0, paren);
        final int classDot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return classDot < 0 ? method : method.substring(classDot + 1);
    }
}
