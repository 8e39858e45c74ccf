package io.helixagent.agent.jmx;

/**
 * {@code io.helixagent:type=Agent}: the running agent, readable with JConsole or any JMX client (open types
 * only). SPEC section 6.
 */
public interface AgentMXBean {
    /** The object name of this MBean. */
    String OBJECT_NAME = "io.helixagent:type=Agent";

    /** @return helix-agent's version. */
    String getVersion();

    /** @return {@code premain} or {@code dynamic}. */
    String getAttachMode();

    /** @return the findings that are active now, worst first. */
    FindingView[] getActiveFindings();

    /** @return every finding of this run, active or ended. */
    FindingView[] getFindings();

    /** @return records produced by probes and the JFR stream. */
    long getEventsProduced();

    /** @return records dropped because the buffer was full. */
    long getEventsDropped();

    /** @return classes woven so far. */
    int getInstrumentedClasses();

    /**
     * Writes the reports now into {@code report.dir}.
     *
     * @return the paths written.
     */
    String[] writeReport();

    /**
     * Writes the reports now into {@code directory}.
     *
     * @return the paths written.
     */
    String[] writeReportTo(String directory);

    /**
     * Writes a final report, removes all instrumentation, stops the agent's threads and unregisters this MBean.
     *
     * @return the paths of the final reports.
     */
    String[] detach();
}
