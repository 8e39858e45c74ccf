package io.helixagent.core.config;

/**
 * One {@code key=value} as a source gave it, before it is checked.
 *
 * @param spelling how the source names it, for warnings: {@code jfr}, {@code helix.jfr}, {@code HELIX_JFR}.
 * @param key      the key name it sets, or null when the source's name maps to no key.
 * @param text     the value as given.
 */
record Setting(String spelling, String key, String text) {
}
