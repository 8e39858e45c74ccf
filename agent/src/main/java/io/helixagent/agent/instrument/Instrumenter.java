package io.helixagent.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.helixagent.bridge.Probes;
import io.helixagent.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the enabled instrumentation modules as one resettable Byte Buddy transformer.
 * <ul>
 *   <li>Retransformation, so classes loaded before the agent (JDK classes always, everything on a dynamic
 *       attach) are woven too, and {@link #reset} restores their original bytecode. Discovery reiterates: a
 *       class that the JVM loads while another is being retransformed (verifying the woven
 *       {@code ForkJoinPool} loads {@code ForkJoinTask}) is skipped by Byte Buddy's circularity guard, so the
 *       loaded classes are scanned again until no new match appears.</li>
 *   <li>No class format changes: advice is inlined into existing methods, nothing is added, which is what
 *       retransformation allows.</li>
 *   <li>Modules that contain woven classes are given a read edge to the bridge, which lives in the bootstrap
 *       loader's unnamed module.</li>
 *   <li>A class that cannot be woven is left as it was, with one log line; the host never sees the error.</li>
 * </ul>
 */
public final class Instrumenter {
    private final Instrumentation inst;
    private final AtomicInteger instrumented = new AtomicInteger();
    private final ResettableClassFileTransformer transformer;

    /**
     * Installs {@code modules} now.
     *
     * @param inst    the JVM's instrumentation.
     * @param modules the enabled modules.
     */
    public Instrumenter(final Instrumentation inst, final List<InstrumentationModule> modules) {
        this.inst = inst;
        ByteBuddySwitches.apply();
        AgentBuilder builder = new AgentBuilder.Default()
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(new Listener())
            .ignore(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.helixagent.agent."))
                .or(nameStartsWith("io.helixagent.core.")).or(nameStartsWith("io.helixagent.bridge."))
                .or(nameStartsWith("io.helixagent.boot.")))
            .assureReadEdgeTo(inst, Probes.class);
        for (final InstrumentationModule module : modules) {
            builder = module.extend(builder);
        }
        this.transformer = builder.installOn(inst);
    }

    /** @return classes woven so far. */
    public int instrumentedClasses() {
        return instrumented.get();
    }

    /** Removes the transformer and restores the original bytecode of every woven class. */
    public void reset() {
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** Counts woven classes and reports failures in one line each. */
    private final class Listener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(final TypeDescription type, final ClassLoader loader, final JavaModule module,
                                     final boolean loaded, final DynamicType dynamicType) {
            instrumented.incrementAndGet();
            AgentLog.debug("instrumented " + type.getName());
        }

        @Override
        public void onError(final String typeName, final ClassLoader loader, final JavaModule module,
                            final boolean loaded, final Throwable throwable) {
            AgentLog.warn("left " + typeName + " uninstrumented: " + AgentLog.describe(throwable));
        }
    }
}
