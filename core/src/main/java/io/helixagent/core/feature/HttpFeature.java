package io.helixagent.core.feature;

import io.helixagent.core.aggregate.HttpHostAggregate;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.metrics.HttpHostMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.subject.HostRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Outbound HTTP calls per target host ({@code scheme://host:port}), from {@code java.net.http.HttpClient},
 * {@code HttpURLConnection} and Apache HttpClient 5 alike: call times, timeouts by phase, the first call.
 * Nothing to sample: every figure comes from the probes.
 */
public final class HttpFeature implements Feature {
    /** The kind of the report's host subjects. */
    public static final String KIND = "http.host";
    /** Client bit: {@code java.net.http.HttpClient}. */
    public static final int CLIENT_JDK = 1;
    /** Client bit: {@code java.net.HttpURLConnection}. */
    public static final int CLIENT_URL_CONNECTION = 2;
    /** Client bit: Apache HttpClient 5 (classic). */
    public static final int CLIENT_APACHE = 4;
    private static final String[] CLIENT_NAMES = {"java.net.http.HttpClient", "HttpURLConnection",
        "Apache HttpClient 5"};
    private static final int REPORT_WINDOW_SECONDS = 10;
    /** A host has no creation site; this is what the report says instead. */
    private static final String NO_SITE = "n/a (a remote host)";

    private final HostRegistry hostIds;
    private final MeterRegistry meters;
    private final Int2ObjectHashMap<HttpHostAggregate> hosts = new Int2ObjectHashMap<>();
    private int historySeconds = 10;

    /**
     * @param hostIds where probes turn targets into ids.
     * @param meters  where each host's meters are bound.
     */
    public HttpFeature(final HostRegistry hostIds, final MeterRegistry meters) {
        this.hostIds = hostIds;
        this.meters = meters;
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return the hosts called so far. */
    public Collection<HttpHostAggregate> hosts() {
        return hosts.values();
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.HTTP_CALL};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final HttpHostAggregate host = host(RecordLayout.subject(buffer, index));
        if (host != null) {
            host.onCall(RecordLayout.aux(buffer, index), RecordLayout.a(buffer, index),
                (int) RecordLayout.b(buffer, index));
        }
    }

    private HttpHostAggregate host(final int id) {
        HttpHostAggregate host = hosts.get(id);
        if (host == null) {
            final String name = hostIds.name(id);
            if (name == null) {
                return null;
            }
            host = new HttpHostAggregate(id, name, historySeconds);
            hosts.put(id, host);
            HttpHostMeters.bind(meters, host);
        }
        return host;
    }

    @Override
    public void onTick(final long nowMillis) {
        // every figure comes from records: nothing to sample
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final HttpHostAggregate host : hosts.values()) {
            parts.subject(snapshot(host));
            parts.point(KIND + ":" + host.name() + ":p99Ms", "ms",
                Numbers.millis(host.callNanos().merged(1).percentileNanos(0.99)));
        }
    }

    @Override
    public void afterTick() {
        for (final HttpHostAggregate host : hosts.values()) {
            host.rotate();
        }
    }

    /** @return the names of the client libraries whose bits are set, comma separated. */
    public static String clients(final int bits) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < CLIENT_NAMES.length; i++) {
            if ((bits & (1 << i)) != 0) {
                names.add(CLIENT_NAMES[i]);
            }
        }
        return String.join(", ", names);
    }

    private static SubjectSnapshot snapshot(final HttpHostAggregate host) {
        final int seconds = Math.min(REPORT_WINDOW_SECONDS, host.filledSeconds());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", clients(host.clients()));
        m.put("callsTotal", host.calls().total());
        m.put("callsPerSec", Numbers.round1(host.calls().sum(seconds) / (double) Math.max(1, seconds)));
        final LatencyHistogram calls = host.callNanos().merged(seconds);
        m.put("callP50Ms", Numbers.millis(calls.percentileNanos(0.5)));
        m.put("callP99Ms", Numbers.millis(calls.percentileNanos(0.99)));
        m.put("connectTimeoutsTotal", host.connectTimeouts().total());
        m.put("readTimeoutsTotal", host.readTimeouts().total());
        m.put("errorsTotal", host.errors().total());
        m.put("firstCallMs", Numbers.millis(host.firstCall()));
        return new SubjectSnapshot(KIND, host.name(), NO_SITE, m);
    }
}
