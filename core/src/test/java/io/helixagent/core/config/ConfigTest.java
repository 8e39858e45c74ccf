package io.helixagent.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed access, sources, effective values and later overrides of a loaded configuration. */
class ConfigTest {
    private final Sources sources = new Sources();

    @TempDir
    Path dir;

    @Test
    void shouldReturnTypedDefaults() {
        final Config config = sources.load(null);
        assertEquals(Duration.ofSeconds(60), config.duration(CoreKeys.REPORT_INTERVAL));
        assertEquals(1L << 20, config.bytes(CoreKeys.PIPELINE_BUFFER));
        assertEquals(List.of("json", "html", "md"), config.list(CoreKeys.REPORT_FORMATS));
        assertFalse(config.bool(CoreKeys.RECOVERY_JFR_DUMP));
        assertEquals(Path.of("helix-reports"), config.path(CoreKeys.REPORT_DIR));
        assertEquals("127.0.0.1", config.string(CoreKeys.METRICS_HOST));
    }

    @Test
    void shouldReturnTypedGivenValues() {
        final ConfigKey hitRate = ConfigKey.ratio("detector.cache.hit-rate.min", "80%", "lowest healthy hit rate");
        final ConfigSchema schema = ConfigSchema.builder().addAll(CoreKeys.all()).add(hitRate).build();
        final Config config = sources.schema(schema)
            .load("metrics.port=9100,report.interval=0,detector.cache.hit-rate.min=0.9,pipeline.buffer=64k");
        assertEquals(9100, config.integer(CoreKeys.METRICS_PORT));
        assertEquals(Duration.ZERO, config.duration(CoreKeys.REPORT_INTERVAL));
        assertEquals(0.9, config.ratio(hitRate));
        assertEquals(65536, config.bytes(CoreKeys.PIPELINE_BUFFER));
        assertEquals(0.8, new Sources().schema(schema).load(null).ratio(hitRate));
    }

    @Test
    void shouldExpandLeadingTildeInPaths() {
        final Config config = sources.load("log.file=~,report.dir=~user/x");
        assertEquals(Path.of(Sources.HOME, ".helix", "baselines"), config.path(CoreKeys.BASELINE_DIR));
        assertEquals(Path.of(Sources.HOME), config.path(CoreKeys.LOG_FILE));
        assertEquals(Path.of("~user/x"), config.path(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldReportNoValueForUnsetKeyWithoutDefault() {
        final Config config = sources.load(null);
        assertFalse(config.hasValue(CoreKeys.METRICS_PORT));
        assertTrue(config.hasValue(CoreKeys.METRICS_HOST));
        assertThrows(IllegalStateException.class, () -> config.integer(CoreKeys.METRICS_PORT));
        assertNull(config.string(CoreKeys.APP_NAME));
        assertNull(config.path(CoreKeys.LOG_FILE));
    }

    @Test
    void shouldThrowIllegalArgumentForKeyNotInSchema() {
        final ConfigKey stranger = ConfigKey.bool("not.in.schema", "true", "a key no schema holds");
        final Config config = sources.load(null);
        assertThrows(IllegalArgumentException.class, () -> config.bool(stranger));
        assertThrows(IllegalArgumentException.class, () -> config.source(stranger));
        assertThrows(IllegalArgumentException.class, () -> config.string(stranger));
    }

    @Test
    void shouldThrowIllegalArgumentForGetterOfOtherType() {
        final Config config = sources.load(null);
        assertEquals("jfr is ENUM, not DURATION",
            assertThrows(IllegalArgumentException.class, () -> config.duration(CoreKeys.JFR)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.bool(CoreKeys.METRICS_PORT));
        assertThrows(IllegalArgumentException.class, () -> config.path(CoreKeys.APP_NAME));
    }

    @Test
    void shouldListEffectiveValuesInSchemaOrderAndCanonicalForm() {
        final Map<String, String> effective =
            sources.env("HELIX_JFR", "OFF").load("report.formats= MD ,json").effective();
        assertEquals(List.of("report.dir", "report.formats", "report.interval", "baseline.dir", "baseline.mode",
            "detectors", "instrument", "jfr", "metrics.host", "recovery.heap-dump", "recovery.cache-clear",
            "recovery.jfr-dump", "log.level", "strict", "pipeline.buffer"), List.copyOf(effective.keySet()));
        assertEquals("md,json", effective.get("report.formats"));
        assertEquals("off", effective.get("jfr"));
        assertThrows(UnsupportedOperationException.class, () -> effective.put("jfr", "on"));
    }

    @Test
    void shouldApplyOverridesOverEverySourceAndKeepTheRest() {
        final Config started = sources.env("HELIX_JFR", "off").property("helix.log.level", "info").load(null);
        final Config attached = started.withOverrides("jfr=on,report.formats=json", sources.warnings()::add);
        assertEquals("on", attached.string(CoreKeys.JFR));
        assertEquals("argument", attached.source(CoreKeys.JFR));
        assertEquals(List.of("json"), attached.list(CoreKeys.REPORT_FORMATS));
        assertEquals("info", attached.string(CoreKeys.LOG_LEVEL));
        assertEquals("system property", attached.source(CoreKeys.LOG_LEVEL));
        assertEquals("default", attached.source(CoreKeys.REPORT_DIR));
        assertEquals("off", started.string(CoreKeys.JFR), "the running configuration is not changed");
        assertEquals(List.of(), sources.warnings());
    }

    @Test
    void shouldKeepCurrentValueWhenOverrideIsInvalid() {
        final Config started = sources.load("jfr=off");
        final Config attached = started.withOverrides("jfr=maybe,colour=blue", sources.warnings()::add);
        assertEquals("off", attached.string(CoreKeys.JFR));
        assertEquals(List.of("helix-agent: ignoring jfr=maybe: expected one of on, off",
            "helix-agent: ignoring colour=blue: unknown key"), sources.warnings());
    }

    @Test
    void shouldRefuseOverrideWithProblemWhenStrict() {
        final Config started = sources.env("HELIX_STRICT", "true").load(null);
        assertEquals("1 configuration problem with strict=true: metrics.port=http: not an integer",
            assertThrows(ConfigException.class, () -> started.withOverrides("metrics.port=http", s -> { }))
                .getMessage());
        assertThrows(ConfigException.class, () -> sources.load(null).withOverrides("strict=true,x=1", s -> { }));
    }

    @Test
    void shouldReadFileNamedInOverrideBelowTheOverrides() throws IOException {
        final Path file = Files.writeString(dir.resolve("attach.properties"), "jfr=off\nlog.level=debug\n");
        final Config started = sources.load("log.level=error,report.dir=first");
        final Config attached = started.withOverrides("config=" + file + ",jfr=on", sources.warnings()::add);
        assertEquals("on", attached.string(CoreKeys.JFR));
        assertEquals("debug", attached.string(CoreKeys.LOG_LEVEL));
        assertEquals("file " + file, attached.source(CoreKeys.LOG_LEVEL));
        assertEquals("first", attached.string(CoreKeys.REPORT_DIR));
    }

    @Test
    void shouldKeepEverythingWhenOverrideIsEmpty() {
        final Config started = sources.load("jfr=off");
        final Config attached = started.withOverrides("", sources.warnings()::add);
        assertEquals(started.effective(), attached.effective());
        assertSame(started.source(CoreKeys.JFR), attached.source(CoreKeys.JFR));
    }
}
