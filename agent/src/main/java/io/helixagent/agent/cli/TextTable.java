package io.helixagent.agent.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned columns for a terminal: each column as wide as its widest cell, up to a cap, so that one long
 * subject cannot push the others off the screen; a longer cell keeps its start (where names are) and ends in
 * {@value #ELLIPSIS}. The last column is not padded, so lines carry no trailing blanks.
 */
final class TextTable {
    private static final String GAP = "  ";
    private static final String ELLIPSIS = "...";

    /**
     * One column.
     *
     * @param header   its title.
     * @param maxWidth the most characters a cell shows.
     */
    record Column(String header, int maxWidth) {
    }

    private final Column[] columns;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(final Column... columns) {
        this.columns = columns.clone();
    }

    /** Adds a row, one cell per column; cells are shown on one line, fitted to the column's cap. */
    TextTable add(final String... cells) {
        final String[] fitted = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            fitted[c] = fit(cells[c], columns[c].maxWidth());
        }
        rows.add(fitted);
        return this;
    }

    /** Prints the header line and the rows. */
    void print(final PrintStream out) {
        final String[] headers = new String[columns.length];
        final int[] widths = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            headers[c] = columns[c].header();
            widths[c] = headers[c].length();
            for (final String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        printLine(out, headers, widths);
        for (final String[] row : rows) {
            printLine(out, row, widths);
        }
    }

    private static void printLine(final PrintStream out, final String[] cells, final int[] widths) {
        final StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(cells[c]);
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - cells[c].length())).append(GAP);
            }
        }
        out.println(line);
    }

    /** @return {@code cell} on one line, at most {@code maxWidth} characters long. */
    static String fit(final String cell, final int maxWidth) {
        final String oneLine = cell == null ? "" : cell.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= maxWidth ? oneLine : oneLine.substring(0, maxWidth - ELLIPSIS.length()) + ELLIPSIS;
    }
}
