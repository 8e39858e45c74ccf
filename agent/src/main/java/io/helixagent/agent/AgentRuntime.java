package io.helixagent.agent;

import io.helixagent.agent.instrument.InstrumentationModule;
import io.helixagent.agent.instrument.Instrumenter;
import io.helixagent.agent.instrument.Modules;
import io.helixagent.agent.instrument.cache.CacheProbes;
import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinPoolModule;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
import io.helixagent.agent.instrument.http.HttpCallProbes;
import io.helixagent.agent.jmx.AgentJmx;
import io.helixagent.agent.probe.ProbeHandlers;
import io.helixagent.agent.probe.RuntimeProbeSink;
import io.helixagent.bridge.AgentHandle;
import io.helixagent.bridge.Probes;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.CoreKeys;
import io.helixagent.core.engine.DetectorCatalog;
import io.helixagent.core.engine.Engine;
import io.helixagent.core.engine.RuntimeInfo;
import io.helixagent.core.feature.CacheFeature;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.feature.DeadlockFeature;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.feature.ExecutorFeature;
import io.helixagent.core.feature.FanoutFeature;
import io.helixagent.core.feature.HttpFeature;
import io.helixagent.core.feature.JvmFeature;
import io.helixagent.core.feature.ListenerFeature;
import io.helixagent.core.jfr.JfrEventSource;
import io.helixagent.core.log.AgentLog;
import io.helixagent.core.metrics.AgentMeters;
import io.helixagent.core.pipeline.Pipeline;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.report.Report;
import io.helixagent.core.report.ReportService;
import io.helixagent.core.subject.CallSites;
import io.helixagent.core.subject.HostRegistry;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.SubjectRegistry;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The composition root of a running agent, loaded in the isolated runtime loader by the bootstrap. It
 * wires the engine, the probes, the instrumentation, the pipeline thread, JMX and the reports, and takes
 * them apart again on {@link #detach}.
 * <p>
 * Start-up order matters: the sink is installed before the transformer, so that no woven code runs
 * against a missing sink.
 */
public final class AgentRuntime implements AgentHandle {
    /** System property set while an agent runs, read by the CLI through the attach API. */
    public static final String VERSION_PROPERTY = "io.helixagent.version";
    private static final int MAX_SUBJECTS = 2000;
    private static final int MAX_HTTP_HOSTS = 1000;

    private final Instrumentation inst;
    private final RuntimeInfo info;
    private final RecordRing ring;
    private final Engine engine;
    private final JvmFeature jvm = new JvmFeature();
    private final AgentMeters meters = new AgentMeters();
    private final ForkJoinProbes forkJoin;
    private final RuntimeProbeSink sink;
    private final ReportService reports;
    private final AgentJmx jmx;
    private final Thread shutdownHook;
    private volatile Config config;
    private volatile Instrumenter instrumenter;
    private volatile Pipeline pipeline;
    private volatile JfrEventSource jfr;
    private boolean detached;

    private AgentRuntime(final Instrumentation inst, final Config config, final RuntimeInfo info) {
        this.inst = inst;
        this.config = config;
        this.info = info;
        this.ring = new RecordRing((int) config.bytes(CoreKeys.PIPELINE_BUFFER));
        final SubjectRegistry subjects = new SubjectRegistry(MAX_SUBJECTS, System::currentTimeMillis);
        final CallSites sites = new CallSites();
        final ListenerRegistry listeners = new ListenerRegistry();
        final HostRegistry hosts = new HostRegistry(MAX_HTTP_HOSTS);
        final ConnectionPoolFeature pools = new ConnectionPoolFeature(subjects, meters.registry());
        this.engine = new Engine(config, info, ring, subjects, DetectorCatalog.standard(),
            List.of(new ExecutorFeature(subjects, meters.registry()), new FanoutFeature(sites), new DeadlockFeature(),
                new EventFeature(subjects, meters.registry()), new ListenerFeature(listeners, meters.registry()),
                new CacheFeature(subjects, meters.registry()), pools, new HttpFeature(hosts, meters.registry()), jvm));
        this.forkJoin = new ForkJoinProbes(ring, subjects);
        final ExecutorProbes executors = new ExecutorProbes(ring, subjects);
        this.sink = new RuntimeProbeSink(new ProbeHandlers(executors, forkJoin, new FanoutProbes(ring, sites, executors),
            new EventProbes(ring, subjects), new ListenerProbes(listeners), new CacheProbes(ring, subjects),
            new ConnectionPoolProbes(ring, subjects, pools), new HttpCallProbes(ring, hosts)));
        this.reports = new ReportService(config, info);
        this.jmx = new AgentJmx(this);
        this.shutdownHook = new Thread(this::onJvmExit, "helix-agent-exit");
    }

    /**
     * Called by {@code AgentBootstrap} through reflection: starts the agent.
     *
     * @param args     agent arguments, may be null.
     * @param inst     the JVM's instrumentation.
     * @param mode     {@code premain} or {@code dynamic}.
     */
    public static synchronized void start(final String args, final Instrumentation inst, final String mode) {
        final Instant started = Instant.now();
        final Config config = Settings.load(args);
        if (config == null) {
            return;
        }
        final AgentRuntime runtime = new AgentRuntime(inst, config, Settings.runtimeInfo(config, mode, started));
        runtime.startComponents();
    }

    private void startComponents() {
        Probes.install(sink, this);
        final List<InstrumentationModule> modules = Modules.enabled(config.list(CoreKeys.INSTRUMENT));
        if (modules.stream().anyMatch(m -> m instanceof ForkJoinPoolModule)) {
            forkJoin.registerCommonPool();
        }
        instrumenter = new Instrumenter(inst, modules);
        engine.addFindingListener(jmx::onFindingChanged);
        pipeline = new Pipeline(ring, engine, this::onTick, ex -> AgentLog.warn("pipeline: " + AgentLog.describe(ex)));
        jmx.register();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        System.setProperty(VERSION_PROPERTY, info.agentVersion());
        if ("on".equals(config.string(CoreKeys.JFR))) {
            jfr = JfrEventSource.start(ring, this::onJfrState);
        }
        AgentLog.info("started (" + info.attachMode() + "), reports in " + reports.directory());
    }

    private void onJfrState(final String state) {
        jvm.jfrState(state);
        if (state.startsWith(JfrEventSource.UNAVAILABLE)) {
            AgentLog.warn("JFR stream not started, running without it: " + state);
        }
    }

    private void onTick(final long nowMillis) {
        final Report report = engine.tick(Instant.ofEpochMilli(nowMillis));
        reports.onTick(report, nowMillis);
    }

    private synchronized void onJvmExit() {
        if (!detached) {
            detached = true;
            stopAndReport();
        }
    }

    /**
     * Stops the probes, then the threads, folds in what is left, and writes the final reports. Application
     * threads may still run while the JVM exits: with the sink removed first, nothing new is produced once the
     * pipeline has drained, so the final report's accounting is exact.
     */
    private List<Path> stopAndReport() {
        Probes.install(null, null);
        final JfrEventSource stream = jfr;
        if (stream != null) {
            stream.close();
        }
        pipeline.close();
        final Report last = engine.tick(Instant.now());
        return reports.writeQuietly(last, null);
    }

    /**
     * Writes the reports now.
     *
     * @param directory where, or null for {@code report.dir}.
     * @return the paths written.
     */
    public List<Path> writeReports(final Path directory) {
        return reports.write(engine.latestReport(), directory);
    }

    /**
     * Final report, original bytecode restored, threads stopped, MBean unregistered. Idempotent.
     *
     * @return the paths of the final reports.
     */
    public synchronized List<Path> detach() {
        if (detached) {
            return List.of();
        }
        detached = true;
        instrumenter.reset();
        final List<Path> paths = stopAndReport();
        jmx.unregister();
        meters.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException jvmAlreadyExiting) {
            // the hook is running or about to: nothing to remove
        }
        System.clearProperty(VERSION_PROPERTY);
        AgentLog.info("detached; final reports: " + paths);
        return paths;
    }

    @Override
    public String reconfigure(final String args) {
        final Config updated = config.withOverrides(args, AgentLog::warn);
        config = updated;
        AgentLog.configure(updated.string(CoreKeys.LOG_LEVEL), Settings.logFile(updated));
        engine.reconfigure(updated);
        reports.reconfigure(updated);
        return "already running in this JVM (helix-agent " + info.agentVersion() + "); applied the new settings"
            + (args == null || args.isBlank() ? "" : ": " + args);
    }

    /** @return facts about the agent and the JVM. */
    public RuntimeInfo info() {
        return info;
    }

    /** @return the latest report snapshot. */
    public Report latestReport() {
        return engine.latestReport();
    }

    /** @return the ring buffer, for its counters. */
    public RecordRing ring() {
        return ring;
    }

    /** @return the agent's meter registry. */
    public AgentMeters meters() {
        return meters;
    }

    /** @return classes woven so far. */
    public int instrumentedClasses() {
        final Instrumenter current = instrumenter;
        return current == null ? 0 : current.instrumentedClasses();
    }
}
