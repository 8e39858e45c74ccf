package io.helixagent.core.config;

/**
 * Thrown when {@code strict=true} and the configuration had problems: the agent refuses to start (or to apply
 * new settings) instead of running with defaults. The message is one line, fit to print after a prefix.
 */
public final class ConfigException extends RuntimeException {
    /**
     * @param message one line: how many problems there were and the first of them.
     */
    public ConfigException(final String message) {
        super(message);
    }
}
