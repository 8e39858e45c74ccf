package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentParserTest {
    private static final String FIND = "(find it with: java -jar helix-agent.jar list)";

    @Test
    void shouldParseListWhenGivenAlone() throws CliException {
        assertEquals(new Invocation(Command.LIST, 0, List.of(), null), parse("list"));
    }

    @Test
    void shouldParseAttachWithPidAndSettingsWhenGiven() throws CliException {
        final Invocation invocation = parse("attach", "123", "report.dir=/tmp/r", "report.interval=30s", "app.name=");
        assertEquals(new Invocation(Command.ATTACH, 123, List.of("report.dir=/tmp/r", "report.interval=30s",
            "app.name="), null), invocation);
        assertEquals("report.dir=/tmp/r,report.interval=30s,app.name=", invocation.agentOptions());
    }

    @Test
    void shouldParseAttachWithEmptyOptionsWhenNoSettings() throws CliException {
        assertEquals("", parse("attach", "123").agentOptions());
    }

    @Test
    void shouldParseStatusAndDetachWhenGivenPid() throws CliException {
        assertEquals(new Invocation(Command.STATUS, 7, List.of(), null), parse("status", "7"));
        assertEquals(new Invocation(Command.DETACH, 7, List.of(), null), parse("detach", "7"));
    }

    @Test
    void shouldParseReportWithoutOutWhenNotGiven() throws CliException {
        final Invocation invocation = parse("report", "99");
        assertEquals(Command.REPORT, invocation.command());
        assertEquals(99, invocation.pid());
        assertNull(invocation.outDir());
    }

    @Test
    void shouldResolveOutAgainstWorkingDirectoryWhenRelative() throws CliException {
        final String expected = Path.of("reports/today").toAbsolutePath().normalize().toString();
        assertEquals(expected, parse("report", "99", "--out", "reports/./today").outDir());
        assertEquals(expected, parse("report", "--out", "reports/today", "99").outDir());
        assertEquals("/tmp/out", parse("report", "99", "--out", "/tmp/out").outDir());
    }

    @Test
    void shouldAskForHelpWhenHelpFlagAnywhere() throws CliException {
        for (final String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
            new String[] {"status", "--help"}, new String[] {"attach", "12", "-h"}, new String[] {"nonsense", "-h"})) {
            assertEquals(Command.HELP, ArgumentParser.parse(args).command(), List.of(args).toString());
        }
    }

    @Test
    void shouldParseVersionWhenGiven() throws CliException {
        assertEquals(Command.VERSION, parse("--version").command());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate|helix-agent: unknown command 'frobnicate'; run java -jar helix-agent.jar --help for the commands",
        "--verbose|helix-agent: unknown command '--verbose'; run java -jar helix-agent.jar --help for the commands",
        "status|helix-agent: status needs the pid of a JVM " + FIND + "; usage: java -jar helix-agent.jar status <pid>",
        "detach|helix-agent: detach needs the pid of a JVM " + FIND + "; usage: java -jar helix-agent.jar detach <pid>",
        "attach|helix-agent: attach needs the pid of a JVM " + FIND
            + "; usage: java -jar helix-agent.jar attach <pid> [key=value ...]",
        "report --out /tmp|helix-agent: report needs the pid of a JVM " + FIND
            + "; usage: java -jar helix-agent.jar report <pid> [--out <dir>]",
        "status abc|helix-agent: invalid pid 'abc': a pid is a positive number " + FIND
            + "; usage: java -jar helix-agent.jar status <pid>",
        "status -5|helix-agent: invalid pid '-5': a pid is a positive number " + FIND
            + "; usage: java -jar helix-agent.jar status <pid>",
        "detach 0|helix-agent: invalid pid '0': a pid is a positive number " + FIND
            + "; usage: java -jar helix-agent.jar detach <pid>",
        "attach 12x|helix-agent: invalid pid '12x': a pid is a positive number " + FIND
            + "; usage: java -jar helix-agent.jar attach <pid> [key=value ...]",
        "status 99999999999999999999|helix-agent: invalid pid '99999999999999999999': a pid is a positive number "
            + FIND + "; usage: java -jar helix-agent.jar status <pid>",
        "report 12 --format json|helix-agent: unknown option '--format' for report;"
            + " usage: java -jar helix-agent.jar report <pid> [--out <dir>]",
        "status 12 -v|helix-agent: unknown option '-v' for status; usage: java -jar helix-agent.jar status <pid>",
        "attach 12 --out /tmp|helix-agent: unknown option '--out' for attach;"
            + " usage: java -jar helix-agent.jar attach <pid> [key=value ...]",
        "report 12 --out|helix-agent: --out needs a directory;"
            + " usage: java -jar helix-agent.jar report <pid> [--out <dir>]",
        "report 12 --out a --out b|helix-agent: --out given twice;"
            + " usage: java -jar helix-agent.jar report <pid> [--out <dir>]",
        "status 12 13|helix-agent: unexpected argument '13' for status; usage: java -jar helix-agent.jar status <pid>",
        "report 12 /tmp|helix-agent: unexpected argument '/tmp' for report;"
            + " usage: java -jar helix-agent.jar report <pid> [--out <dir>]",
        "detach 12 now|helix-agent: unexpected argument 'now' for detach;"
            + " usage: java -jar helix-agent.jar detach <pid>",
        "list 12|helix-agent: unexpected argument '12' for list; usage: java -jar helix-agent.jar list",
        "list --all|helix-agent: unknown option '--all' for list; usage: java -jar helix-agent.jar list",
        "--version 2|helix-agent: unexpected argument '2' for --version; usage: java -jar helix-agent.jar --version",
        "help status|helix-agent: unexpected argument 'status' for help; usage: java -jar helix-agent.jar help",
        "attach 12 verbose|helix-agent: invalid setting 'verbose': expected key=value;"
            + " usage: java -jar helix-agent.jar attach <pid> [key=value ...]",
        "attach 12 =30s|helix-agent: invalid setting '=30s': expected key=value;"
            + " usage: java -jar helix-agent.jar attach <pid> [key=value ...]",
    })
    void shouldFailWithUsageLineWhenArgumentsAreBad(final String args, final String line) {
        final CliException ex = assertThrows(CliException.class, () -> ArgumentParser.parse(args.split(" ")));
        assertEquals(line, ex.getMessage());
        assertEquals(CliException.EXIT_USAGE, ex.exitCode());
    }

    @Test
    void shouldFailWithUsageLineWhenNoArguments() {
        final CliException ex = assertThrows(CliException.class, () -> ArgumentParser.parse(new String[0]));
        assertEquals("helix-agent: no command given; run java -jar helix-agent.jar --help for the commands",
            ex.getMessage());
        assertEquals(CliException.EXIT_USAGE, ex.exitCode());
    }

    @Test
    void shouldFailWithUsageLineWhenOutIsNoPath() {
        final CliException ex = assertThrows(CliException.class,
            () -> ArgumentParser.parse(new String[] {"report", "12", "--out", "a\0b"}));
        assertEquals(CliException.EXIT_USAGE, ex.exitCode());
        assertEquals("helix-agent: invalid directory 'a\0b' for --out: Nul character not allowed;"
            + " usage: java -jar helix-agent.jar report <pid> [--out <dir>]", ex.getMessage());
    }

    private static Invocation parse(final String... args) throws CliException {
        return ArgumentParser.parse(args);
    }
}
