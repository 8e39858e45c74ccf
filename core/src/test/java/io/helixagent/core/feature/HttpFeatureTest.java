package io.helixagent.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helixagent.core.aggregate.HttpHostAggregate;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.record.Outcome;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.HostRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Call records in, per-host aggregates and Micrometer meters out. */
class HttpFeatureTest {
    private final HostRegistry hosts = new HostRegistry(10);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final HttpFeature feature = new HttpFeature(hosts, meters);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RecordLayout.BODY_LENGTH]);

    @Test
    void shouldAggregateCallsPerHostAndBindMeters() {
        final int id = hosts.idOf("http", "127.0.0.1", 8080);
        call(id, Outcome.OK, 40, HttpFeature.CLIENT_JDK);
        call(id, Outcome.OK, 10, HttpFeature.CLIENT_URL_CONNECTION);
        call(id, Outcome.READ_TIMEOUT, 1000, HttpFeature.CLIENT_JDK);
        call(HostRegistry.UNKNOWN, Outcome.OK, 10, HttpFeature.CLIENT_JDK);
        final HttpHostAggregate host = feature.hosts().iterator().next();
        assertEquals(1, feature.hosts().size(), "calls to an unknown target are not kept");
        assertEquals("http://127.0.0.1:8080", host.name());
        assertEquals(3, host.calls().total());
        assertEquals(1, host.readTimeouts().total());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(40), host.firstCall());
        assertEquals("java.net.http.HttpClient, HttpURLConnection", HttpFeature.clients(host.clients()));
        feature.contribute(new ReportParts());
        feature.afterTick();
        assertEquals(3.0, meters.get("http.client.requests").tag("client.name", "http://127.0.0.1:8080")
            .functionTimer().count());
        assertEquals(1.0, meters.get("http.client.timeouts").tag("phase", "response").functionCounter().count());
    }

    private void call(final int host, final int outcome, final long millis, final int client) {
        RecordLayout.encode(buffer, 0, host, outcome, TimeUnit.MILLISECONDS.toNanos(millis), client);
        feature.onRecord(RecordType.HTTP_CALL, buffer, 0);
    }
}
