package io.helixagent.core.config;

/**
 * The kinds of value a {@link ConfigKey} holds. The syntax of each is parsed in one place,
 * {@link ConfigValues}, so that every source and every key spells a value the same way.
 */
public enum ConfigType {
    /** Free text, optionally checked by the key (such as {@code pkg.Class#method}). */
    STRING,
    /** A whole number within the key's range. */
    INT,
    /** {@code true} or {@code false}, in any letter case. */
    BOOLEAN,
    /** A non-negative whole amount with a unit: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}; {@code 0}. */
    DURATION,
    /** A fraction from 0 to 1, written {@code 0.8} or {@code 80%}. */
    RATIO,
    /** A non-negative decimal number, such as a rate per second: {@code 0.1}, {@code 16}. */
    DECIMAL,
    /** A size in bytes with an optional binary unit: {@code 4096}, {@code 512k}, {@code 1m}, {@code 1g}. */
    BYTES,
    /** A comma list; items are trimmed and empty items dropped. */
    LIST,
    /** One of a fixed set of words, matched in any letter case. */
    ENUM,
    /** A file system path; a leading {@code ~} stands for the user's home directory. */
    PATH
}
