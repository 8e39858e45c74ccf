package io.helixagent.core.detect;

import io.helixagent.core.aggregate.FanoutAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.FanoutFeature;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fanout.straggler}: one member of a parallel fan-out ({@code invokeAll}, {@code CompletableFuture.allOf})
 * persistently far slower than its siblings, so every caller waits for it (the WIRTHFORGE guide's "council
 * sync delays").
 * <p>
 * A fan-out straggles when its slowest member took at least {@code ratio} times the median member and at
 * least {@code min}. The signal is the share of a call site's recent fan-outs that straggled; a handful of
 * slow fan-outs in a busy window is noise, most of them is a pattern. Members are counted from the fan-out's
 * start, so a member that waited in a queue counts as slow: the caller waited for it all the same.
 */
public final class FanoutStragglerDetector implements Detector {
    /** The detector id. */
    public static final String ID = "fanout.straggler";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = WindowSetting.key(P, "30s", "fan-outs are judged");
    static final ConfigKey RATIO = ConfigKey.decimal(P + "ratio", "3",
        "slowest member / median member at which a fan-out straggles");
    static final ConfigKey MIN = ConfigKey.duration(P + "min", "100ms",
        "time of the slowest member below which a fan-out never straggles");
    static final ConfigKey MIN_FANOUTS = ConfigKey.integer(P + "min.fanouts", "5", 1, 1_000_000,
        "fan-outs of a call site needed in the window before it is judged");
    static final Limits SHARE = Limits.ratio(P + "share", "share of straggling fan-outs", "0.2", "0.5", "0.8");

    private static final List<ConfigKey> PARAMETERS = Stream.concat(Stream.of(WINDOW, RATIO, MIN, MIN_FANOUTS),
        SHARE.keys().stream()).toList();

    private int windowSeconds = 30;
    private double ratio;
    private long minNanos;
    private int minFanouts;
    private Limits.Thresholds shareLimits;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return PARAMETERS;
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void configure(final Config config) {
        windowSeconds = WindowSetting.seconds(config, WINDOW);
        ratio = config.decimal(RATIO);
        minNanos = config.duration(MIN).toNanos();
        minFanouts = config.integer(MIN_FANOUTS);
        shareLimits = SHARE.read(config);
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(FanoutFeature.class, FanoutFeature::fanouts, site -> evaluate(site, context.nowMillis()),
            out);
    }

    Evaluation evaluate(final FanoutAggregate site, final long now) {
        final int n = site.countSince(now - windowSeconds * 1000L);
        if (n < minFanouts) {
            return null;
        }
        int straggling = 0;
        int members = 0;
        final long[] medians = new long[n];
        final long[] slowest = new long[n];
        final int[] slowestBy = new int[64];
        for (int back = 0; back < n; back++) {
            medians[back] = site.medianNanos(back);
            members = Math.max(members, site.members(back));
            if (site.slowestNanos(back) >= minNanos && site.slowestNanos(back) >= ratio * site.medianNanos(back)) {
                slowest[straggling++] = site.slowestNanos(back);
                slowestBy[Math.min(63, site.slowestIndex(back))]++;
            }
        }
        final double share = straggling / (double) n;
        final double score = shareLimits.score(share);
        if (Severity.of(score) == null) {
            return null;
        }
        int member = 0;
        for (int i = 1; i < slowestBy.length; i++) {
            if (slowestBy[i] > slowestBy[member]) {
                member = i;
            }
        }
        final double medianMs = Numbers.millis(median(medians, n));
        final double slowMs = Numbers.millis(median(slowest, straggling));
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("fanouts", n);
        e.put("stragglingFanouts", straggling);
        e.put("stragglerShare", Numbers.round3(share));
        e.put("members", members);
        e.put("medianMemberMs", medianMs);
        e.put("slowestMemberMs", slowMs);
        e.put("slowdownRatio", Numbers.round1(medianMs > 0 ? slowMs / medianMs : 0));
        e.put("slowestMemberIndex", member);
        e.put("slowestMemberShare", Numbers.round3(slowestBy[member] / (double) Math.max(1, straggling)));
        e.put("windowSec", windowSeconds);
        final String subject = "fan-out at " + site.site();
        return new Evaluation(ID, site.site(), subject, score, "A parallel fan-out waits for one slow member",
            "Fan-out at " + site.site() + ": in " + straggling + " of " + n + " calls (" + Numbers.percent(share)
                + ") the slowest of " + members + " members took " + Numbers.plain(slowMs) + " ms against "
                + Numbers.plain(medianMs) + " ms for the median member; member #" + member + " was the slowest in "
                + slowestBy[member] + " of them.",
            e, recommendations(medianMs, slowMs, member, slowestBy[member], straggling, site.site()));
    }

    private static List<String> recommendations(final double medianMs, final double slowMs, final int member,
                                                final int memberSlowest, final int straggling, final String site) {
        final long timeoutMs = Math.max(1, Math.round(medianMs * 2));
        return List.of(
            "Profile member #" + member + " (by submission order) first: it was the slowest in " + memberSlowest
                + " of " + straggling + " straggling calls, " + Numbers.plain(slowMs) + " ms against "
                + Numbers.plain(medianMs) + " ms for the others.",
            "Use a timeout mechanism for slow members: invokeAll(tasks, " + timeoutMs + ", MILLISECONDS), or "
                + "orTimeout/completeOnTimeout on each CompletableFuture, about twice the median member, so one "
                + "member cannot hold every caller of " + site + ".",
            "Detect early consensus: when the first answers suffice, use invokeAny, CompletableFuture.anyOf, or "
                + "wait for the first N of M instead of all of them.",
            "Balance resources: if members share a pool sized below the fan-out width, the last member also "
                + "waits in the queue; give the fan-out its own pool of at least its width.");
    }

    private static long median(final long[] values, final int n) {
        if (n == 0) {
            return 0;
        }
        final long[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return copy[n / 2];
    }
}
