package io.helixagent.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.helixagent.agent.AgentRuntime;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code list}: the JVMs that the attach API sees on this machine, except this command's own. Each is asked
 * for its system properties in parallel, and a JVM that fails to answer within {@value #ANSWER_TIMEOUT_MS} ms
 * (another user's, attach disabled, hung) is shown with {@value #UNKNOWN} instead of failing the listing.
 */
final class ListCommand {
    /** How long the listing waits for the slowest JVM; attaching to a responsive one takes milliseconds. */
    static final long ANSWER_TIMEOUT_MS = 5_000;
    /** Shown for what a JVM that cannot be attached to does not tell. */
    static final String UNKNOWN = "?";

    private static final String NO_AGENT = "-";
    private static final int MAX_THREADS = 8;
    private static final TextTable.Column[] COLUMNS = {new TextTable.Column("PID", 10),
        new TextTable.Column("MAIN", 60), new TextTable.Column("JAVA", 16), new TextTable.Column("AGENT", 24)};

    private ListCommand() {
    }

    /** Prints the table: PID, MAIN (main class or jar), JAVA (java.version), AGENT (helix-agent version or -). */
    static void run(final PrintStream out) {
        final String self = Long.toString(ProcessHandle.current().pid());
        final List<VirtualMachineDescriptor> jvms = new ArrayList<>(VirtualMachine.list());
        jvms.removeIf(jvm -> jvm.id().equals(self));
        jvms.sort(Comparator.comparingInt((VirtualMachineDescriptor jvm) -> jvm.id().length())
            .thenComparing(VirtualMachineDescriptor::id));
        final TextTable table = new TextTable(COLUMNS);
        for (final String[] row : rows(jvms)) {
            table.add(row);
        }
        table.print(out);
    }

    private static List<String[]> rows(final List<VirtualMachineDescriptor> jvms) {
        final List<String[]> rows = new ArrayList<>();
        if (jvms.isEmpty()) {
            return rows;
        }
        final List<Callable<String[]>> questions = new ArrayList<>();
        for (final VirtualMachineDescriptor jvm : jvms) {
            questions.add(() -> row(jvm, systemProperties(jvm)));
        }
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(jvms.size(), MAX_THREADS), task -> {
            final Thread thread = new Thread(task, "helix-agent-list");
            thread.setDaemon(true);
            return thread;
        });
        try {
            final List<Future<String[]>> answers = pool.invokeAll(questions, ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            for (int i = 0; i < jvms.size(); i++) {
                rows.add(answerOr(answers.get(i), jvms.get(i)));
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    private static String[] answerOr(final Future<String[]> answer, final VirtualMachineDescriptor jvm)
        throws InterruptedException {
        try {
            return answer.isCancelled() ? row(jvm, null) : answer.get();
        } catch (final ExecutionException notAttachable) {
            return row(jvm, null);
        }
    }

    private static Properties systemProperties(final VirtualMachineDescriptor jvm) throws Exception {
        final VirtualMachine vm = VirtualMachine.attach(jvm);
        try {
            return vm.getSystemProperties();
        } finally {
            detachQuietly(vm);
        }
    }

    private static void detachQuietly(final VirtualMachine vm) {
        try {
            vm.detach();
        } catch (final IOException ex) {
            // the properties are read; a JVM that went away meanwhile changes nothing
        }
    }

    /** @return the row of {@code jvm}; {@code properties} null when it did not answer. */
    static String[] row(final VirtualMachineDescriptor jvm, final Properties properties) {
        final String main = mainOf(jvm.displayName(), jvm.id());
        if (properties == null) {
            return new String[] {jvm.id(), main, UNKNOWN, UNKNOWN};
        }
        return new String[] {jvm.id(), main, properties.getProperty("java.version", UNKNOWN),
            properties.getProperty(AgentRuntime.VERSION_PROPERTY, NO_AGENT)};
    }

    /**
     * The main class or jar of a JVM from its display name, which is its command line after {@code java}.
     *
     * @return the main class, the jar's file name, or {@value #UNKNOWN} when the JVM does not say.
     */
    static String mainOf(final String displayName, final String id) {
        final String first = displayName == null ? "" : displayName.trim().split("\\s+", 2)[0];
        if (first.isEmpty() || first.equals(id)) {
            return UNKNOWN;
        }
        return first.endsWith(".jar") ? first.substring(first.lastIndexOf(File.separatorChar) + 1) : first;
    }
}
