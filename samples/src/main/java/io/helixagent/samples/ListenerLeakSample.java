package io.helixagent.samples;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

/**
 * The guide's "event bus subscribers not cleaned up": a service handles 50 requests a second. Each request's
 * handler registers a listener on the long-lived settings bean, another on the session event bus and subscribes
 * to the session feed, and never removes any of them, so the three sets grow by 50 a second. Another component
 * does it right: it registers for the duration of a request and removes its listener in {@code finally}, and
 * cancels its feed subscription as soon as it has it.
 * <p>
 * Expected from helix-agent: three {@code listeners.leak} findings (CRITICAL), for {@code PropertyChangeSupport},
 * {@code EventBus} and {@code SubmissionPublisher}, each naming {@code RequestHandler}'s constructor in this class
 * as the registering code; none for the component that cleans up.
 */
public final class ListenerLeakSample {
    private static final int REQUESTS_PER_SECOND = 50;

    private ListenerLeakSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final Settings settings = new Settings();
        final EventBus sessions = new EventBus("session-events");
        final SubmissionPublisher<String> feed = new SubmissionPublisher<>();
        long handled = 0;
        SampleRunner.onset();
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            new RequestHandler(settings, sessions, feed).handle();
            new AuditedRequest(settings, feed).handle();
            handled++;
            Thread.sleep(1000 / REQUESTS_PER_SECOND);
        }
        System.out.println("requests handled: " + handled);
        SampleRunner.printReports();
        // the feed stays open until the JVM exits: closing it would end every subscription, which is not the
        // cleanup this sample is about
    }

    /** A long-lived bean with bound properties, as in the JavaBeans tutorial. */
    static final class Settings {
        private final PropertyChangeSupport support = new PropertyChangeSupport(this);
        private String locale = "en";

        void addPropertyChangeListener(final PropertyChangeListener listener) {
            support.addPropertyChangeListener(listener);
        }

        void removePropertyChangeListener(final PropertyChangeListener listener) {
            support.removePropertyChangeListener(listener);
        }

        void locale(final String value) {
            final String old = locale;
            locale = value;
            support.firePropertyChange("locale", old, value);
        }
    }

    /** The leak: registers on construction, has no way to unregister. */
    static final class RequestHandler {
        private final byte[] scratch = new byte[256];

        RequestHandler(final Settings settings, final EventBus sessions, final SubmissionPublisher<String> feed) {
            settings.addPropertyChangeListener(this::onSettingChanged);
            sessions.register(this);
            feed.subscribe(new SessionSubscriber(false));
        }

        void handle() {
            scratch[0]++;
        }

        private void onSettingChanged(final PropertyChangeEvent event) {
            scratch[1]++;
        }

        @Subscribe
        public void onSessionEnded(final String sessionId) {
            scratch[2]++;
        }
    }

    /** Done right: the listener lives as long as the request, the subscription is cancelled at once. */
    static final class AuditedRequest implements PropertyChangeListener {
        private final Settings settings;
        private final SubmissionPublisher<String> feed;

        AuditedRequest(final Settings settings, final SubmissionPublisher<String> feed) {
            this.settings = settings;
            this.feed = feed;
        }

        void handle() {
            feed.subscribe(new SessionSubscriber(true));
            settings.addPropertyChangeListener(this);
            try {
                settings.locale("en");
            } finally {
                settings.removePropertyChangeListener(this);
            }
        }

        @Override
        public void propertyChange(final PropertyChangeEvent event) {
            // an audited request reads the settings it ran with
        }
    }

    /** A session feed subscriber; one that only wanted its subscription confirmed cancels it at once. */
    static final class SessionSubscriber implements Flow.Subscriber<String> {
        private final boolean cancelAtOnce;

        SessionSubscriber(final boolean cancelAtOnce) {
            this.cancelAtOnce = cancelAtOnce;
        }

        @Override
        public void onSubscribe(final Flow.Subscription subscription) {
            if (cancelAtOnce) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(final String sessionId) {
            // a session event
        }

        @Override
        public void onError(final Throwable error) {
            // cancelled or failed: nothing to clean up
        }

        @Override
        public void onComplete() {
            // the feed closed
        }
    }
}
