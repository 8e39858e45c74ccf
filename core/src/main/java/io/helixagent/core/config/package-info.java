/**
 * The agent's configuration: typed keys ({@link io.helixagent.core.config.ConfigKey}), the schema of keys one
 * agent understands, and the loader that merges arguments, system properties, environment, a properties file
 * and defaults into one immutable {@link io.helixagent.core.config.Config}. Users' view: docs/configuration.md.
 */
package io.helixagent.core.config;
