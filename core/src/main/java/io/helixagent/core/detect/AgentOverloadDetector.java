package io.helixagent.core.detect;

import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code agent.overload}: the agent itself dropping records because its buffer was full, so its own
 * findings may be missing data. Any drop in the window opens at least an INFO finding; the share of
 * records dropped sets the severity.
 */
public final class AgentOverloadDetector implements Detector {
    /** The detector id. */
    public static final String ID = "agent.overload";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = WindowSetting.key(P, "10s", "drops are counted");
    static final Limits DROPPED = Limits.ratio(P + "dropped", "share of records dropped", "0.0001", "0.001", "0.01");

    private static final List<ConfigKey> PARAMETERS = Stream.concat(Stream.of(WINDOW), DROPPED.keys().stream())
        .toList();

    private int windowSeconds = 10;
    private Limits.Thresholds dropped;

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
        dropped = DROPPED.read(config);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        final PipelineAggregate p = context.pipeline();
        final int seconds = Math.min(windowSeconds, p.filledSeconds());
        final long drops = p.dropped().sum(seconds);
        if (drops == 0) {
            return;
        }
        final long produced = p.produced().sum(seconds);
        final double share = produced == 0 ? 1.0 : (double) drops / produced;
        final double score = Math.max(Severity.INFO_SCORE, dropped.score(share));
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("droppedRecords", drops);
        e.put("producedRecords", produced);
        e.put("droppedRatio", Numbers.round3(share));
        e.put("droppedPerSec", Numbers.round1(drops / (double) seconds));
        e.put("droppedTotal", p.dropped().total());
        e.put("bufferFillMaxRatio", Numbers.round3(Math.max(0, p.fillRatio().max(seconds))));
        e.put("windowSec", seconds);
        out.add(new Evaluation(ID, "pipeline", "helix-agent pipeline", score,
            "helix-agent is dropping its own records",
            "The agent dropped " + drops + " of " + produced + " records (" + Numbers.percent(share)
                + ") in the last " + seconds + " s because its buffer was full; findings may miss data.",
            e, List.of(
                "Give the agent a larger buffer: pipeline.buffer (now full at peaks); for example pipeline.buffer=8m.",
                "Switch off instrumentation modules you do not need with instrument=..., which removes their "
                    + "records at the source.",
                "If the host runs on very few cores, the pipeline thread may not get enough CPU: check CPU "
                    + "saturation first.")));
    }
}
