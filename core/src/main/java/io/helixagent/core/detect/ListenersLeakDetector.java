package io.helixagent.core.detect;

import io.helixagent.core.aggregate.ListenerAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.ListenerFeature;
import io.helixagent.core.stats.TrendTest;
import io.helixagent.core.stats.TrendTest.Trend;
import io.helixagent.core.subject.RegistrationSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code listeners.leak}: code that registers listeners and never removes them, so the set keeps growing (the
 * guide's "event bus subscribers not cleaned up"; "verify event subscribers are unsubscribed").
 * <p>
 * The signal is each registering site's live registrations, sampled once a second. A site leaks when, over the
 * window, all of these hold:
 * <ul>
 *   <li>at least {@code min.samples} seconds of history;</li>
 *   <li>the Mann-Kendall statistic is at least {@code trend.z}: the count rises significantly, judged only by
 *       which of each pair of samples is higher, so one jump cannot make a trend;</li>
 *   <li>Sen's slope (the median rise per second) times the window is at least {@code min.growth}: a set that fills
 *       at start-up and then stays flat has a median slope of zero, however big the jump was;</li>
 *   <li>the newest third of the window holds a new high: a set that grew and has stopped growing is no longer a
 *       leak, even while its growth is still in the window.</li>
 * </ul>
 * The severity follows the growth rate (Sen's slope per minute). Listeners collected while registered (their
 * container went away with them) are not live, so per-request containers never look like leaks.
 */
public final class ListenersLeakDetector implements Detector {
    /** The detector id. */
    public static final String ID = "listeners.leak";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = WindowSetting.key(P, "30s", "the trend is tested; longer finds slower leaks");
    static final ConfigKey MIN_SAMPLES = ConfigKey.integer(P + "min.samples", "6", 4, WindowSetting.MAX_SECONDS,
        "seconds of history needed before a trend is judged");
    static final ConfigKey MIN_GROWTH = ConfigKey.integer(P + "min.growth", "20", 1, 1_000_000,
        "registrations a site must gain over the window (Sen's slope x window) to be a leak");
    static final ConfigKey TREND_Z = ConfigKey.decimal(P + "trend.z", "2.33",
        "Mann-Kendall statistic at which a rise is significant (2.33: 1% one-sided)");
    static final Limits GROWTH = Limits.decimal(P + "growth", "growth in listeners per minute", "6", "60", "600");

    private static final List<ConfigKey> PARAMETERS = Stream.of(List.of(WINDOW, MIN_SAMPLES, MIN_GROWTH, TREND_Z),
        GROWTH.keys()).flatMap(List::stream).toList();

    private final TrendTest trendTest = new TrendTest();
    private final double[] series = new double[WindowSetting.MAX_SECONDS];
    private int windowSeconds = 30;
    private int minSamples;
    private long minGrowth;
    private double minZ;
    private Limits.Thresholds growthLimits;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return PARAMETERS;
    }

    @Override
    public void configure(final Config config) {
        windowSeconds = WindowSetting.seconds(config, WINDOW);
        minSamples = config.integer(MIN_SAMPLES);
        minGrowth = config.integer(MIN_GROWTH);
        minZ = config.decimal(TREND_Z);
        growthLimits = GROWTH.read(config);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(ListenerFeature.class, ListenerFeature::sites, this::evaluate, out);
    }

    Evaluation evaluate(final ListenerAggregate aggregate) {
        final int seconds = Math.min(windowSeconds, aggregate.filledSeconds());
        final int n = aggregate.live().series(seconds, series);
        if (n < minSamples || series[n - 1] <= series[0]) {
            return null;
        }
        final Trend trend = trendTest.of(series, n);
        final double growth = trend.slopePerSample() * (n - 1);
        if (trend.z() < minZ || growth < minGrowth || !stillRising(n)) {
            return null;
        }
        final double perMinute = trend.slopePerSample() * 60;
        final double score = growthLimits.score(perMinute);
        if (Severity.of(score) == null) {
            return null;
        }
        final RegistrationSite site = aggregate.site();
        final LeakFigures f = new LeakFigures(site.container(), site.site(), site.live(), perMinute,
            aggregate.added().sum(seconds) / (double) seconds, aggregate.removed().sum(seconds) / (double) seconds,
            site.added(), site.removed(), site.collected(), trend.z(), seconds);
        return new Evaluation(ID, "listeners:" + site.id(), site.container() + " listeners registered at "
            + site.site(), score, ListenersLeakTexts.title(f), ListenersLeakTexts.summary(f), evidence(f),
            ListenersLeakTexts.recommendations(f));
    }

    /** @return true when the newest third of the series holds a value above everything before it. */
    private boolean stillRising(final int n) {
        final int recent = Math.max(2, n / 3);
        double before = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n - recent; i++) {
            before = Math.max(before, series[i]);
        }
        for (int i = n - recent; i < n; i++) {
            if (series[i] > before) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> evidence(final LeakFigures f) {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("container", f.container());
        e.put("liveListeners", f.live());
        e.put("growthPerMin", Numbers.round1(f.growthPerMinute()));
        e.put("registeredPerSec", Numbers.round1(f.addedPerSec()));
        e.put("removedPerSec", Numbers.round1(f.removedPerSec()));
        e.put("registeredTotal", f.addedTotal());
        e.put("removedTotal", f.removedTotal());
        e.put("collectedTotal", f.collectedTotal());
        e.put("trendZ", Numbers.round1(f.trendZ()));
        e.put("windowSec", f.seconds());
        return e;
    }

    /** One site's figures over the window, shared by the evidence and the texts. */
    record LeakFigures(String container, String site, long live, double growthPerMinute, double addedPerSec,
                       double removedPerSec, long addedTotal, long removedTotal, long collectedTotal, double trendZ,
                       int seconds) {
    }
}
