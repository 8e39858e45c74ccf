package io.helixagent.core.report;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.CoreKeys;
import io.helixagent.core.engine.RuntimeInfo;
import io.helixagent.core.log.AgentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When and where reports are written: every {@code report.interval} from the pipeline thread, on demand
 * (JMX, CLI) and at exit. Writes are serialised, so an on-demand report and a periodic one never race on
 * the same files. A failed periodic write is logged once per kind of failure; the agent runs on.
 */
public final class ReportService {
    private final RuntimeInfo info;
    private volatile Settings settings;
    private long lastWriteMillis;
    private String lastFailure;

    /**
     * @param config the settings.
     * @param info   the application name and pid used in file names.
     */
    public ReportService(final Config config, final RuntimeInfo info) {
        this.info = info;
        this.settings = Settings.of(config);
        this.lastWriteMillis = System.currentTimeMillis();
    }

    /** Applies changed settings. */
    public void reconfigure(final Config config) {
        settings = Settings.of(config);
    }

    /** @return the directory reports go to by default. */
    public Path directory() {
        return settings.dir.toAbsolutePath();
    }

    /** Writes the periodic report when the interval has passed; pipeline thread. */
    public void onTick(final Report report, final long nowMillis) {
        final Settings s = settings;
        if (s.intervalMillis <= 0 || nowMillis - lastWriteMillis < s.intervalMillis) {
            return;
        }
        lastWriteMillis = nowMillis;
        writeQuietly(report, null);
    }

    /**
     * Writes now, logging instead of throwing.
     *
     * @return the paths written, empty on failure.
     */
    public List<Path> writeQuietly(final Report report, final Path directory) {
        try {
            final List<Path> paths = write(report, directory);
            lastFailure = null;
            return paths;
        } catch (final UncheckedIOException ex) {
            final String failure = ex.getMessage();
            if (!failure.equals(lastFailure)) {
                AgentLog.warn(failure);
                lastFailure = failure;
            }
            return List.of();
        }
    }

    /**
     * Writes now.
     *
     * @param directory where, or null for {@code report.dir}.
     * @return the paths written.
     * @throws UncheckedIOException with a one-line message when the files cannot be written.
     */
    public synchronized List<Path> write(final Report report, final Path directory) {
        final Settings s = settings;
        final Path dir = directory != null ? directory : s.dir;
        try {
            return ReportFiles.write(report, dir, info.app(), info.pid(), s.formats);
        } catch (final IOException | RuntimeException ex) {
            final String message = "cannot write reports to " + dir.toAbsolutePath() + ": " + AgentLog.describe(ex);
            throw new UncheckedIOException(message, ex instanceof IOException io ? io : new IOException(ex));
        }
    }

    /** The settings this service reads, captured together. */
    private record Settings(Path dir, Set<ReportFormat> formats, long intervalMillis) {
        static Settings of(final Config config) {
            final Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
            for (final String name : config.list(CoreKeys.REPORT_FORMATS)) {
                formats.add(ReportFormat.parse(name));
            }
            return new Settings(config.path(CoreKeys.REPORT_DIR), formats,
                config.duration(CoreKeys.REPORT_INTERVAL).toMillis());
        }
    }
}
