package io.helixagent.agent;

import io.helixagent.agent.instrument.Modules;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigException;
import io.helixagent.core.config.ConfigLoader;
import io.helixagent.core.config.ConfigSchema;
import io.helixagent.core.config.CoreKeys;
import io.helixagent.core.detect.DetectorIds;
import io.helixagent.core.engine.DetectorCatalog;
import io.helixagent.core.engine.RuntimeInfo;
import io.helixagent.core.log.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads the agent's settings from every source, and the facts about this JVM that reports show. */
final class Settings {
    /** Instrumentation module ids accepted by {@code instrument=}. */
    static final List<String> MODULES = Modules.ids();

    private Settings() {
    }

    /** @return the configuration schema: the SPEC keys plus every detector's parameters. */
    static ConfigSchema schema() {
        return ConfigSchema.builder()
            .addAll(CoreKeys.all())
            .replace(CoreKeys.detectorsKey(DetectorIds::isValidSelector))
            .replace(CoreKeys.instrumentKey(MODULES::contains))
            .addAll(DetectorCatalog.standard().parameters())
            .build();
    }

    /**
     * Loads the settings, printing one line per problem (after the log level is known).
     *
     * @return the settings, or null when {@code strict=true} refused them (the line says why).
     */
    static Config load(final String args) {
        final List<String> warnings = new ArrayList<>();
        final Config config;
        try {
            config = ConfigLoader.load(args, systemProperties(), System.getenv(), schema(), warnings::add);
        } catch (final ConfigException ex) {
            AgentLog.error("not started (strict=true): " + ex.getMessage());
            return null;
        }
        AgentLog.configure(config.string(CoreKeys.LOG_LEVEL), logFile(config));
        warnings.forEach(AgentLog::raw);
        return config;
    }

    static Path logFile(final Config config) {
        return config.isSet(CoreKeys.LOG_FILE) ? config.path(CoreKeys.LOG_FILE) : null;
    }

    private static Map<String, String> systemProperties() {
        final Map<String, String> map = new HashMap<>();
        final Properties properties = System.getProperties();
        for (final String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    /** @return the facts reports show about this agent and JVM. */
    static RuntimeInfo runtimeInfo(final Config config, final String mode, final Instant started) {
        final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        final String mainClass = mainClass();
        final String app = config.isSet(CoreKeys.APP_NAME) ? config.string(CoreKeys.APP_NAME) : appName(mainClass);
        return new RuntimeInfo(agentVersion(), mode, started, ProcessHandle.current().pid(), app, mainClass,
            Runtime.version().toString(), System.getProperty("java.vm.vendor", System.getProperty("java.vendor")),
            Instant.ofEpochMilli(runtime.getStartTime()), Runtime.getRuntime().maxMemory(),
            Runtime.getRuntime().availableProcessors());
    }

    /** @return the main class or jar, the first word of the launch command. */
    static String mainClass() {
        final String command = System.getProperty("sun.java.command", "").trim();
        final int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    /** @return the main class's simple name, or the jar's file name without {@code .jar}. */
    static String appName(final String mainClass) {
        if (mainClass.isEmpty()) {
            return "java";
        }
        if (mainClass.endsWith(".jar")) {
            final String file = Path.of(mainClass).getFileName().toString();
            return file.substring(0, file.length() - ".jar".length());
        }
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /** @return the agent's version: the bridge is built with it, and a mismatched bridge is never reused. */
    static String agentVersion() {
        return io.helixagent.bridge.Probes.BRIDGE_VERSION;
    }
}
