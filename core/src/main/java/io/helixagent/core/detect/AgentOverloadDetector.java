package io.helixagent.core.detect;

import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code agent.overload}: the agent itself dropping records because its buffer was full, so its own
 * findings may be missing data. Any drop in the window opens at least an INFO finding; the share of
 * records dropped sets the severity.
 */
public final class AgentOverloadDetector implements Detector {
    /** The detector id. */
    public static final String ID = "agent.overload";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = ConfigKey.duration(P + "window", "10s", "how far back drops are counted");
    static final ConfigKey DROPPED_INFO = ConfigKey.ratio(P + "dropped.info", "0.0001",
        "share of records dropped at which INFO starts (any drop is at least INFO)");
    static final ConfigKey DROPPED_WARNING = ConfigKey.ratio(P + "dropped.warning", "0.001",
        "share of records dropped at which WARNING starts");
    static final ConfigKey DROPPED_CRITICAL = ConfigKey.ratio(P + "dropped.critical", "0.01",
        "share of records dropped at which CRITICAL starts");

    private static final List<ConfigKey> PARAMETERS = List.of(WINDOW, DROPPED_INFO, DROPPED_WARNING,
        DROPPED_CRITICAL);

    private int windowSeconds = 10;
    private double info;
    private double warning;
    private double critical;

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
        windowSeconds = (int) Math.max(1, Math.min(60, config.duration(WINDOW).toSeconds()));
        info = config.ratio(DROPPED_INFO);
        warning = config.ratio(DROPPED_WARNING);
        critical = config.ratio(DROPPED_CRITICAL);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        final PipelineAggregate p = context.pipeline();
        final int seconds = Math.min(windowSeconds, p.filledSeconds());
        final long dropped = p.dropped().sum(seconds);
        if (dropped == 0) {
            return;
        }
        final long produced = p.produced().sum(seconds);
        final double share = produced == 0 ? 1.0 : (double) dropped / produced;
        final double score = Math.max(Severity.INFO_SCORE, Score.of(share, info, warning, critical));
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("droppedRecords", dropped);
        e.put("producedRecords", produced);
        e.put("droppedRatio", Numbers.round3(share));
        e.put("droppedPerSec", Numbers.round1(dropped / (double) seconds));
        e.put("droppedTotal", p.dropped().total());
        e.put("bufferFillMaxRatio", Numbers.round3(Math.max(0, p.fillRatio().max(seconds))));
        e.put("windowSec", seconds);
        out.add(new Evaluation(ID, "pipeline", "helix-agent pipeline", score,
            "helix-agent is dropping its own records",
            "The agent dropped " + dropped + " of " + produced + " records (" + Numbers.percent(share)
                + ") in the last " + seconds + " s because its buffer was full; findings may miss data.",
            e, List.of(
                "Give the agent a larger buffer: pipeline.buffer (now full at peaks); for example pipeline.buffer=8m.",
                "Switch off instrumentation modules you do not need with instrument=..., which removes their "
                    + "records at the source.",
                "If the host runs on very few cores, the pipeline thread may not get enough CPU: check CPU "
                    + "saturation first.")));
    }
}
