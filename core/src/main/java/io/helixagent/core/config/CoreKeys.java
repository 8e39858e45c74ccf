package io.helixagent.core.config;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The agent's own settings, as SPEC section 3 lists them, plus {@code pipeline.buffer}. Detector thresholds
 * ({@code detector.<id>.<param>}) are declared by the detectors and added to the schema next to these.
 */
public final class CoreKeys {
    /** The list value that means every detector or every instrumentation module. */
    public static final String ALL = "all";
    private static final String JAVA_NAME = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern CLASS_AND_METHOD =
        Pattern.compile("(" + JAVA_NAME + "\\.)*" + JAVA_NAME + "#" + JAVA_NAME);
    /** Detector ids and module names: dotted lower case words with dashes, like {@code cache.hit-rate}. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    /** Names the application in reports and baselines; when unset, the agent derives it from the main class. */
    public static final ConfigKey APP_NAME = ConfigKey.string("app.name", null,
        "identifies the application in reports and baselines (default: main class simple name, or jar file name)");
    /** Where reports go. */
    public static final ConfigKey REPORT_DIR = ConfigKey.path("report.dir", "helix-reports",
        "where reports are written, relative to the working directory unless absolute");
    /** Which report files are written. */
    public static final ConfigKey REPORT_FORMATS = ConfigKey.list("report.formats", "json,html,md",
        "which report files to write", "json", "html", "md");
    /** How often reports are rewritten. */
    public static final ConfigKey REPORT_INTERVAL = ConfigKey.duration("report.interval", "60s",
        "periodic report rewrite; 0 writes reports only on demand and at exit");
    /** Where latency baselines live across runs. */
    public static final ConfigKey BASELINE_DIR = ConfigKey.path("baseline.dir", "~/.helix/baselines",
        "per-application latency baselines across runs");
    /** Whether this run compares with, records or ignores the stored baseline. */
    public static final ConfigKey BASELINE_MODE = ConfigKey.enumeration("baseline.mode", "auto",
        "auto compares with the stored baseline or records one when none exists; compare never writes; "
            + "record replaces it; off", "auto", "compare", "record", "off");
    /** The method whose first return ends startup. */
    public static final ConfigKey STARTUP_READY = ConfigKey.string("startup.ready", null,
        "pkg.Class#method: startup ends when it first returns; when unset, when main returns",
        value -> CLASS_AND_METHOD.matcher(value).matches(), "pkg.Class#method");
    /** Which detectors run; items are checked against the known ids with {@link #detectorsKey}. */
    public static final ConfigKey DETECTORS = ConfigKey.list("detectors", ALL,
        "comma list of detector ids, or prefixes such as resource, to run", ID.asMatchPredicate(),
        "all, or a detector id or prefix");
    /** Which instrumentation modules are enabled; items are checked with {@link #instrumentKey}. */
    public static final ConfigKey INSTRUMENT = ConfigKey.list("instrument", ALL,
        "comma list of instrumentation modules to enable", ID.asMatchPredicate(), "all, or a module name");
    /** Whether the JFR event stream runs. */
    public static final ConfigKey JFR = ConfigKey.enumeration("jfr", "on",
        "off runs without the JFR stream (fewer detectors)", "on", "off");
    /** The HTTP metrics port; unset means no server. */
    public static final ConfigKey METRICS_PORT = ConfigKey.integer("metrics.port", null, 0, 65535,
        "serve HTTP on this port (0 = any free port, printed once); unset = no server");
    /** The bind address of the metrics server. */
    public static final ConfigKey METRICS_HOST = ConfigKey.string("metrics.host", "127.0.0.1",
        "bind address of the metrics server");
    /** Opt-in recovery action, off unless asked for: it writes large files. */
    public static final ConfigKey RECOVERY_HEAP_DUMP = ConfigKey.bool("recovery.heap-dump", "false",
        "opt-in automatic recovery action: write a heap dump");
    /** Opt-in recovery action, off unless asked for: it changes the application's state. */
    public static final ConfigKey RECOVERY_CACHE_CLEAR = ConfigKey.bool("recovery.cache-clear", "false",
        "opt-in automatic recovery action: clear instrumented caches");
    /** Opt-in recovery action, off unless asked for: it writes large files. */
    public static final ConfigKey RECOVERY_JFR_DUMP = ConfigKey.bool("recovery.jfr-dump", "false",
        "opt-in automatic recovery action: dump the JFR recording");
    /** How much the agent logs about itself. */
    public static final ConfigKey LOG_LEVEL = ConfigKey.enumeration("log.level", "warn",
        "the agent's own log level, to stderr or log.file", "error", "warn", "info", "debug");
    /** Where the agent's own log goes instead of stderr. */
    public static final ConfigKey LOG_FILE = ConfigKey.path("log.file", null,
        "write the agent's own log to this file instead of stderr");
    /** The properties file with more settings. */
    public static final ConfigKey CONFIG = ConfigKey.path("config", null,
        "a properties file with more settings, below arguments, system properties and environment");
    /** Whether bad configuration stops the agent instead of being ignored with a warning. */
    public static final ConfigKey STRICT = ConfigKey.bool("strict", "false",
        "true: an unknown key or invalid value stops the agent (the application still runs)");
    /** The event ring buffer's size (an addition to SPEC section 3). */
    public static final ConfigKey PIPELINE_BUFFER = ConfigKey.powerOfTwoBytes("pipeline.buffer", "1m", 64 * 1024L,
        256 * 1024 * 1024L, "size of the event ring buffer: a power of two from 64k to 256m");

    private static final List<ConfigKey> ALL_KEYS = List.of(APP_NAME, REPORT_DIR, REPORT_FORMATS, REPORT_INTERVAL,
        BASELINE_DIR, BASELINE_MODE, STARTUP_READY, DETECTORS, INSTRUMENT, JFR, METRICS_PORT, METRICS_HOST,
        RECOVERY_HEAP_DUMP, RECOVERY_CACHE_CLEAR, RECOVERY_JFR_DUMP, LOG_LEVEL, LOG_FILE, CONFIG, STRICT,
        PIPELINE_BUFFER);

    private CoreKeys() {
    }

    /** Every core key in SPEC order, for {@link ConfigSchema.Builder#addAll}. */
    public static List<ConfigKey> all() {
        return ALL_KEYS;
    }

    /**
     * {@link #DETECTORS} checked against the detectors this agent has, for {@link ConfigSchema.Builder#replace}.
     *
     * @param knownIdOrPrefix true for a detector id or a prefix of ids ({@code resource}); {@code all} is
     *                        always accepted.
     */
    public static ConfigKey detectorsKey(final Predicate<String> knownIdOrPrefix) {
        return DETECTORS.withItemValidator(item -> ALL.equals(item) || knownIdOrPrefix.test(item),
            "all, or a detector id or prefix");
    }

    /**
     * {@link #INSTRUMENT} checked against the instrumentation modules this agent has.
     *
     * @param knownModule true for a module name such as {@code hikari}; {@code all} is always accepted.
     */
    public static ConfigKey instrumentKey(final Predicate<String> knownModule) {
        return INSTRUMENT.withItemValidator(item -> ALL.equals(item) || knownModule.test(item),
            "all, or a module name");
    }
}
