package io.helixagent.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.agent.instrument.executor.ForkJoinPoolModule;
import io.helixagent.agent.instrument.executor.ThreadPoolExecutorModule;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** Weaving and un-weaving the real {@code ThreadPoolExecutor} of this JVM. */
class InstrumenterTest {
    private final Instrumentation inst = ByteBuddyAgent.install();

    @Test
    void shouldWeaveThreadPoolExecutorAndRestoreItsBytecodeOnReset() throws Exception {
        final String original = currentBytecode(ThreadPoolExecutor.class);
        final Instrumenter instrumenter = new Instrumenter(inst, List.of(new ThreadPoolExecutorModule()));
        try {
            assertEquals(1, instrumenter.instrumentedClasses());
            final String woven = currentBytecode(ThreadPoolExecutor.class);
            assertNotEquals(original, woven, "advice must change the bytecode");
            assertTrue(woven.contains("io/helixagent/bridge/Probes executorTaskTaken"), "getTask calls the bridge");
        } finally {
            instrumenter.reset();
        }
        assertEquals(original, currentBytecode(ThreadPoolExecutor.class));
    }

    @Test
    void shouldWeaveForkJoinPoolAndTaskAndRestoreThemOnReset() throws Exception {
        final String original = currentBytecode(ForkJoinTask.class);
        final Instrumenter instrumenter = new Instrumenter(inst, List.of(new ForkJoinPoolModule()));
        try {
            assertEquals(2, instrumenter.instrumentedClasses());
            assertTrue(currentBytecode(ForkJoinTask.class).contains("io/helixagent/bridge/Probes forkJoinTaskStarted"));
        } finally {
            instrumenter.reset();
        }
        assertEquals(original, currentBytecode(ForkJoinTask.class));
    }

    /**
     * Retransforms {@code type} through a recording transformer added last, so it sees the current bytes.
     *
     * @return their {@link BytecodeFingerprint}.
     */
    private String currentBytecode(final Class<?> type) throws Exception {
        final byte[][] seen = new byte[1][];
        final ClassFileTransformer recorder = new ClassFileTransformer() {
            @Override
            public byte[] transform(final Module module, final ClassLoader loader, final String name,
                                    final Class<?> redefined, final ProtectionDomain domain, final byte[] bytes) {
                if (redefined == type) {
                    seen[0] = bytes.clone();
                }
                return null;
            }
        };
        inst.addTransformer(recorder, true);
        try {
            inst.retransformClasses(type);
        } finally {
            inst.removeTransformer(recorder);
        }
        assertNotNull(seen[0]);
        return BytecodeFingerprint.of(seen[0]);
    }
}
