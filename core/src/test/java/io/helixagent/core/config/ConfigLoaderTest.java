package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources one by one, precedence between every pair, fall-back, argument syntax and unknown keys. */
class ConfigLoaderTest {
    private final Sources sources = new Sources();

    @TempDir
    Path dir;

    private String file(final String content) throws IOException {
        return Files.writeString(dir.resolve("helix.properties"), content).toString();
    }

    @Test
    void shouldUseDefaultsWhenNoSourceGivesAnything() {
        final Config config = sources.load(null);
        for (final ConfigKey key : CoreKeys.all()) {
            assertEquals("default", config.source(key), key.name());
            assertFalse(config.isSet(key), key.name());
        }
        assertEquals("on", config.string(CoreKeys.JFR));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldReadArgumentWhenAlone() {
        final Config config = sources.load("report.dir=/tmp/a");
        assertEquals("/tmp/a", config.string(CoreKeys.REPORT_DIR));
        assertEquals("argument", config.source(CoreKeys.REPORT_DIR));
        assertTrue(config.isSet(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldReadSystemPropertyWhenAlone() {
        final Config config = sources.property("helix.report.dir", "/tmp/s").load("");
        assertEquals("/tmp/s", config.string(CoreKeys.REPORT_DIR));
        assertEquals("system property", config.source(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldReadEnvironmentWithDotsAndDashesAsUnderscores() {
        final Config config = sources.env("HELIX_REPORT_DIR", "/tmp/e").env("HELIX_RECOVERY_HEAP_DUMP", "true")
            .load(null);
        assertEquals("/tmp/e", config.string(CoreKeys.REPORT_DIR));
        assertTrue(config.bool(CoreKeys.RECOVERY_HEAP_DUMP));
        assertEquals("environment", config.source(CoreKeys.RECOVERY_HEAP_DUMP));
    }

    @Test
    void shouldReadFileNamedByConfigArgument() throws IOException {
        final String path = file("report.dir=/tmp/f\n# a comment\nlog.level = debug\n");
        final Config config = sources.load("config=" + path);
        assertEquals("/tmp/f", config.string(CoreKeys.REPORT_DIR));
        assertEquals("debug", config.string(CoreKeys.LOG_LEVEL));
        assertEquals("file " + path, config.source(CoreKeys.REPORT_DIR));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldTakeConfigPathFromSystemProperty() throws IOException {
        final Config config = sources.property("helix.config", file("jfr=off")).load(null);
        assertEquals("off", config.string(CoreKeys.JFR));
    }

    @Test
    void shouldTakeConfigPathFromEnvironment() throws IOException {
        final Config config = sources.env("HELIX_CONFIG", file("jfr=off")).load(null);
        assertEquals("off", config.string(CoreKeys.JFR));
    }

    @Test
    void shouldPreferArgumentOverSystemProperty() {
        assertEquals("a", sources.property("helix.report.dir", "s").load("report.dir=a").string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldPreferArgumentOverEnvironment() {
        assertEquals("a", sources.env("HELIX_REPORT_DIR", "e").load("report.dir=a").string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldPreferArgumentOverFile() throws IOException {
        final Config config = sources.load("report.dir=a,config=" + file("report.dir=f"));
        assertEquals("a", config.string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldPreferSystemPropertyOverEnvironment() {
        final Config config = sources.property("helix.report.dir", "s").env("HELIX_REPORT_DIR", "e").load(null);
        assertEquals("s", config.string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldPreferSystemPropertyOverFile() throws IOException {
        final Config config = sources.property("helix.report.dir", "s").load("config=" + file("report.dir=f"));
        assertEquals("s", config.string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldPreferEnvironmentOverFile() throws IOException {
        final Config config = sources.env("HELIX_REPORT_DIR", "e").load("config=" + file("report.dir=f"));
        assertEquals("e", config.string(CoreKeys.REPORT_DIR));
        assertEquals("environment", config.source(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldFallBackToNextSourceWhenHigherValueIsInvalid() {
        final Config config = sources.env("HELIX_JFR", "off").load("jfr=maybe");
        assertEquals("off", config.string(CoreKeys.JFR));
        assertEquals("environment", config.source(CoreKeys.JFR));
        assertEquals(List.of("helix-agent: ignoring jfr=maybe: expected one of on, off"), sources.warnings());
    }

    @Test
    void shouldFallBackToDefaultWhenEveryValueIsInvalid() {
        final Config config = sources.property("helix.report.interval", "-1s").load("report.interval=10");
        assertEquals(60, config.duration(CoreKeys.REPORT_INTERVAL).toSeconds());
        assertEquals("default", config.source(CoreKeys.REPORT_INTERVAL));
        assertEquals(List.of("helix-agent: ignoring report.interval=10: missing unit (ms, s, m or h)",
            "helix-agent: ignoring helix.report.interval=-1s: negative duration"), sources.warnings());
    }

    @Test
    void shouldWarnAboutInvalidValueEvenWhenHigherSourceOverridesIt() {
        final Config config = sources.env("HELIX_METRICS_PORT", "http").load("metrics.port=9000");
        assertEquals(9000, config.integer(CoreKeys.METRICS_PORT));
        assertEquals(List.of("helix-agent: ignoring HELIX_METRICS_PORT=http: not an integer"), sources.warnings());
    }

    @Test
    void shouldContinueListValueWithCommaTokensWithoutEquals() {
        final Config config = sources.load("report.formats=json,html,strict=true");
        assertEquals(List.of("json", "html"), config.list(CoreKeys.REPORT_FORMATS));
        assertTrue(config.bool(CoreKeys.STRICT));
        assertEquals(List.of("report.formats=json,html", "strict=true"),
            ConfigLoader.tokens("report.formats=json,html,strict=true"));
    }

    @Test
    void shouldTrimWhitespaceAroundKeysValuesAndItems() {
        final Config config = sources.load(" report.formats = json , md , log.level = debug ");
        assertEquals(List.of("json", "md"), config.list(CoreKeys.REPORT_FORMATS));
        assertEquals("debug", config.string(CoreKeys.LOG_LEVEL));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldDropEmptyTokens() {
        final Config config = sources.load(",jfr=off,,log.level=info,");
        assertEquals("off", config.string(CoreKeys.JFR));
        assertEquals("info", config.string(CoreKeys.LOG_LEVEL));
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldWarnOnceForLeadingTokensWithoutEquals() {
        final Config config = sources.load("verbose,quiet,jfr=off");
        assertEquals("off", config.string(CoreKeys.JFR));
        assertEquals(List.of("helix-agent: ignoring verbose,quiet: expected key=value"), sources.warnings());
    }

    @Test
    void shouldWarnAboutEmptyKeyAndWhatContinuesIt() {
        final Config config = sources.load("=off,on,jfr=off");
        assertEquals("off", config.string(CoreKeys.JFR));
        assertEquals(List.of("helix-agent: ignoring =off,on: empty key"), sources.warnings());
    }

    @Test
    void shouldWarnAboutEmptyValue() {
        sources.load("jfr=");
        assertEquals(List.of("helix-agent: ignoring jfr=: empty value"), sources.warnings());
    }

    @Test
    void shouldKeepLastValueWhenArgumentIsRepeated() {
        assertEquals("on", sources.load("jfr=off,jfr=on").string(CoreKeys.JFR));
    }

    @Test
    void shouldKeepEqualsSignsInsideValue() {
        assertEquals("a=b", sources.load("app.name=a=b").string(CoreKeys.APP_NAME));
    }

    @Test
    void shouldWarnAboutUnknownArgumentKey() {
        sources.load("colour=blue,JFR=off");
        assertEquals(List.of("helix-agent: ignoring colour=blue: unknown key",
            "helix-agent: ignoring JFR=off: unknown key"), sources.warnings());
    }

    @Test
    void shouldWarnAboutUnknownHelixSystemPropertyOnly() {
        sources.property("helix.colour", "blue").property("java.version", "17").property("io.helixagent.debug", "x")
            .load(null);
        assertEquals(List.of("helix-agent: ignoring helix.colour=blue: unknown key"), sources.warnings());
    }

    @Test
    void shouldIgnoreApacheHelixSystemProperties() {
        sources.property("helix.controller.stages.MessageGenerationPhase.messagePurgeDelay", "1")
            .property("helix.monitor.slidingTimeWindow.ms", "1")
            .property("helix.callbackhandler.isAsyncBatchModeEnabled", "true").load(null);
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldWarnAboutUnknownHelixEnvironmentVariableOnly() {
        sources.env("HELIX_COLOUR", "blue").env("PATH", "/bin").env("helix_jfr", "x").load(null);
        assertEquals(List.of("helix-agent: ignoring HELIX_COLOUR=blue: unknown key"), sources.warnings());
    }

    @Test
    void shouldIgnoreHelixEditorEnvironmentVariables() {
        sources.env("HELIX_RUNTIME", "/opt/helix/runtime").env("HELIX_DEFAULT_RUNTIME", "/usr/lib/helix/runtime")
            .env("HELIX_DISABLE_AUTO_GRAMMAR_BUILD", "1").load(null);
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldEmitWarningsInSourceOrderAndSortedWithinSource() throws IOException {
        sources.env("HELIX_B", "1").env("HELIX_A", "1").property("helix.b", "1").property("helix.a", "1")
            .load("z=1,config=" + file("y=1\njfr=on\nx=1\n") + ",y=1");
        assertEquals(List.of("helix-agent: ignoring z=1: unknown key", "helix-agent: ignoring y=1: unknown key",
            "helix-agent: ignoring helix.a=1: unknown key", "helix-agent: ignoring helix.b=1: unknown key",
            "helix-agent: ignoring HELIX_A=1: unknown key", "helix-agent: ignoring HELIX_B=1: unknown key",
            "helix-agent: ignoring x=1: unknown key (in " + dir.resolve("helix.properties") + ")",
            "helix-agent: ignoring y=1: unknown key (in " + dir.resolve("helix.properties") + ")"),
            sources.warnings());
    }

    @Test
    void shouldCutLongValueInWarning() {
        sources.env("HELIX_JFR", "x".repeat(500)).load(null);
        assertEquals(List.of("helix-agent: ignoring HELIX_JFR=" + "x".repeat(90) + "...: expected one of on, off"),
            sources.warnings());
    }

    @Test
    void shouldEscapeLineBreaksInWarnings() {
        sources.env("HELIX_LOG_LEVEL", "a\nb").load(null);
        assertEquals(List.of("helix-agent: ignoring HELIX_LOG_LEVEL=a\\nb: expected one of error, warn, info, debug"),
            sources.warnings());
    }

    @Test
    void shouldCheckDetectorItemsWithInjectedValidator() {
        final ConfigSchema schema = ConfigSchema.builder().addAll(CoreKeys.all())
            .replace(CoreKeys.detectorsKey(List.of("pool.saturation", "resource")::contains)).build();
        final Config config = sources.schema(schema).load("detectors=pool.saturation,resource");
        assertEquals(List.of("pool.saturation", "resource"), config.list(CoreKeys.DETECTORS));
        assertEquals(List.of("all"), new Sources().schema(schema).load(null).list(CoreKeys.DETECTORS));
        sources.load("detectors=pool.saturation,gc.bogus");
        assertEquals(List.of("helix-agent: ignoring detectors=pool.saturation,gc.bogus: "
            + "bad item 'gc.bogus': expected all, or a detector id or prefix"), sources.warnings());
    }

    @Test
    void shouldCheckInstrumentItemsWithInjectedValidator() {
        final ConfigSchema schema = ConfigSchema.builder().addAll(CoreKeys.all())
            .replace(CoreKeys.instrumentKey("hikari"::equals)).build();
        sources.schema(schema).load("instrument=hikari,jdbc");
        assertEquals(List.of("helix-agent: ignoring instrument=hikari,jdbc: "
            + "bad item 'jdbc': expected all, or a module name"), sources.warnings());
    }

    @Test
    void shouldLoadSchemaWithoutConfigOrStrictKeys() {
        final ConfigKey only = ConfigKey.ratio("detector.cache.hit-rate.min", "80%", "lowest healthy hit rate");
        final ConfigSchema schema = ConfigSchema.builder().add(only).build();
        final Config config = sources.schema(schema).env("HELIX_DETECTOR_CACHE_HIT_RATE_MIN", "0.5")
            .load("strict=true");
        assertEquals(0.5, config.ratio(only));
        assertEquals(List.of("helix-agent: ignoring strict=true: unknown key"), sources.warnings());
    }
}
