package io.helixagent.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.helixagent.agent.instrument.executor.ThreadPoolExecutorModule;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** Weaving and un-weaving the real {@code ThreadPoolExecutor} of this JVM. */
class InstrumenterTest {
    private final Instrumentation inst = ByteBuddyAgent.install();

    @Test
    void shouldWeaveThreadPoolExecutorAndRestoreItsBytecodeOnReset() throws Exception {
        final byte[] original = currentBytecode(ThreadPoolExecutor.class);
        final Instrumenter instrumenter = new Instrumenter(inst, List.of(new ThreadPoolExecutorModule()));
        try {
            assertEquals(1, instrumenter.instrumentedClasses());
            final byte[] woven = currentBytecode(ThreadPoolExecutor.class);
            assertFalse(Arrays.equals(original, woven), "advice must change the bytecode");
        } finally {
            instrumenter.reset();
        }
        assertArrayEquals(original, currentBytecode(ThreadPoolExecutor.class));
    }

    /** Retransforms {@code type} through a recording transformer added last, so it sees the current bytes. */
    private byte[] currentBytecode(final Class<?> type) throws Exception {
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
        return seen[0];
    }
}
