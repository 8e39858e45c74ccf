package io.helixagent.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, minimal JSON parser (RFC 8259) for tests, so that assertions on reports read structure rather than text
 * without a JSON library. Objects become {@link LinkedHashMap} in document order (key order can be asserted),
 * arrays {@link ArrayList}, strings {@link String}, numbers {@link Double}, {@code true}/{@code false}
 * {@link Boolean} and {@code null} null. Anything that is not valid JSON, a duplicate key included, throws
 * {@link IllegalArgumentException} naming the offset, so a writer bug cannot slip past a lenient reader.
 */
public final class Json {
    private final String text;
    private int pos;

    private Json(final String text) {
        this.text = text;
    }

    /**
     * Parses one JSON text.
     *
     * @param text the JSON text, whitespace around it allowed.
     * @return the value: Map, List, String, Double, Boolean or null.
     * @throws IllegalArgumentException if the text is not exactly one valid JSON value.
     */
    public static Object parse(final String text) {
        final Json parser = new Json(text);
        final Object value = parser.readValue();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("trailing content");
        }
        return value;
    }

    private Object readValue() {
        skipWhitespace();
        final char c = peek();
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw error("unexpected character '" + c + "'");
                }
                yield readNumber();
            }
        };
    }

    private Map<String, Object> readObject() {
        expect('{');
        final Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        do {
            skipWhitespace();
            final int keyAt = pos;
            final String key = readString();
            skipWhitespace();
            expect(':');
            final Object value = readValue();
            if (object.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            object.put(key, value);
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return object;
    }

    private List<Object> readArray() {
        expect('[');
        final List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        do {
            array.add(readValue());
            skipWhitespace();
        } while (consume(','));
        expect(']');
        return array;
    }

    private String readString() {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true) {
            final char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character in a string");
            }
            out.append(c == '\\' ? readEscape() : c);
        }
    }

    private char readEscape() {
        final char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readHexEscape();
            default -> throw error("bad escape '\\" + c + "'");
        };
    }

    private char readHexEscape() {
        final String hex = pos + 4 <= text.length() ? text.substring(pos, pos + 4) : "";
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw error("bad \\u escape");
        }
        pos += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private Double readNumber() {
        final int start = pos;
        consume('-');
        if (!consume('0')) {
            digits();
        }
        if (consume('.')) {
            digits();
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits();
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private void digits() {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error("digit expected");
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Object readLiteral(final String literal, final Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("expected " + literal);
        }
        pos += literal.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean consume(final char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(final char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private char next() {
        final char c = peek();
        pos++;
        return c;
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(final String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}
