package io.helixagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * One library's instrumentation: its id (what {@code instrument=} takes), the oldest version it supports,
 * and the types and methods it weaves.
 */
public interface InstrumentationModule {
    /** @return the id users enable it by, such as {@code executor}. */
    String id();

    /** @return the library and oldest version supported, for docs and logs. */
    String supports();

    /** Adds this module's type matchers and advice to {@code builder}. */
    AgentBuilder extend(AgentBuilder builder);
}
