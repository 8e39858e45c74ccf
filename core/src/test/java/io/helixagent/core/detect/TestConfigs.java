package io.helixagent.core.detect;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigLoader;
import io.helixagent.core.config.ConfigSchema;
import io.helixagent.core.config.CoreKeys;
import io.helixagent.core.engine.DetectorCatalog;
import java.util.Map;

/** Configurations for tests: defaults plus agent-style arguments, with every detector's parameters known. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** @return the configuration {@code args} gives, failing the test on any warning. */
    public static Config of(final String args) {
        final ConfigSchema schema = ConfigSchema.builder().addAll(CoreKeys.all())
            .addAll(DetectorCatalog.standard().parameters()).build();
        return ConfigLoader.load(args, Map.of(), Map.of(), schema, warning -> {
            throw new AssertionError(warning);
        });
    }
}
