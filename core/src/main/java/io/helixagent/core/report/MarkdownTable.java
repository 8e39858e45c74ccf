package io.helixagent.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table padded to aligned columns, so it reads as a table with {@code cat} as well as in a Markdown
 * viewer; also the text cleaning every Markdown line needs, so model text can never break the layout or send
 * control sequences to a terminal.
 */
final class MarkdownTable {
    /** Narrowest column: the delimiter row stays a recognisable {@code ---}. */
    private static final int MIN_WIDTH = 3;

    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers the column names.
     */
    MarkdownTable(final String... headers) {
        row(headers);
    }

    /**
     * Adds a row; each cell is cleaned and has its {@code |} escaped.
     *
     * @param cells one text per column, null shown as {@link ReportText#MISSING}.
     * @return this table.
     */
    MarkdownTable row(final String... cells) {
        final String[] escaped = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            escaped[i] = clean(cells[i], "<br>", true);
        }
        rows.add(escaped);
        return this;
    }

    /**
     * @param out where the table goes, one line per row after the header and delimiter rows.
     */
    void appendTo(final StringBuilder out) {
        final int[] widths = new int[rows.get(0).length];
        for (final String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(Math.max(widths[column], MIN_WIDTH), width(row[column]));
            }
        }
        appendRow(out, rows.get(0), widths);
        final String[] delimiters = new String[widths.length];
        for (int column = 0; column < widths.length; column++) {
            delimiters[column] = "-".repeat(widths[column]);
        }
        appendRow(out, delimiters, widths);
        for (final String[] row : rows.subList(1, rows.size())) {
            appendRow(out, row, widths);
        }
    }

    /**
     * @param text model text, may be null.
     * @return the text on one line: line breaks and tabs become spaces, other control characters {@code ?}.
     */
    static String line(final String text) {
        return clean(text, " ", false);
    }

    private static void appendRow(final StringBuilder out, final String[] cells, final int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            out.append(' ').append(cells[column]).append(" ".repeat(widths[column] - width(cells[column])))
                .append(" |");
        }
        out.append('\n');
    }

    private static int width(final String cell) {
        return cell.codePointCount(0, cell.length());
    }

    private static String clean(final String text, final String lineBreak, final boolean escapePipes) {
        final String value = text == null ? ReportText.MISSING : text;
        final StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
                final boolean secondHalfOfCrLf = c == '\n' && i > 0 && value.charAt(i - 1) == '\r';
                out.append(secondHalfOfCrLf ? "" : lineBreak);
            } else if (c == '|' && escapePipes) {
                out.append("\\|");
            } else if (c == '\t') {
                out.append(' ');
            } else {
                out.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
