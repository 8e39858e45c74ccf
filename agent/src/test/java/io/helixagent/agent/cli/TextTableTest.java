package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void shouldFitColumnsToWidestCellWithoutTrailingBlanksWhenCellsAreShort() {
        final TextTable table = new TextTable(new TextTable.Column("PID", 10), new TextTable.Column("MAIN", 20),
            new TextTable.Column("AGENT", 10));
        table.add("7", "Shop", "-").add("12345", "billing.jar", "0.1.0");
        assertEquals("PID    MAIN         AGENT\n"
            + "7      Shop         -\n"
            + "12345  billing.jar  0.1.0\n", print(table));
    }

    @Test
    void shouldCutCellWithEllipsisWhenLongerThanCap() {
        assertEquals("abcdefg...", TextTable.fit("abcdefghijklmnop", 10));
        assertEquals("abcdefghij", TextTable.fit("abcdefghij", 10));
    }

    @Test
    void shouldKeepCellOnOneLineWhenItHoldsLineBreaks() {
        assertEquals("a b c", TextTable.fit(" a\nb\r\n\tc ", 10));
        assertEquals("", TextTable.fit(null, 10));
    }

    private static String print(final TextTable table) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
