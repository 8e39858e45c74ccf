package io.helixagent.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads the properties file named by {@code config=<path>}. Anything that is not a readable text file in
 * properties syntax is rejected as a whole with one reason, rather than read as a heap of bogus keys.
 * Text is UTF-8, falling back to ISO-8859-1 (the classic properties encoding) when it is not valid UTF-8,
 * as {@code java.util.PropertyResourceBundle} does since Java 9.
 */
final class ConfigFile {
    /** Larger files are not configuration; the cap also keeps a wrong path from filling the heap. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigFile() {
    }

    /**
     * @param file the file to read.
     * @return its entries in key order, with the key as both spelling and key.
     * @throws IllegalArgumentException whose message is the one-line reason the file cannot be used.
     */
    static List<Setting> read(final Path file) {
        final String text = decode(bytes(file));
        final Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.isEmpty() || text.charAt(0) != BYTE_ORDER_MARK
                ? text : text.substring(1)));
        } catch (final IOException | IllegalArgumentException ex) {
            throw ConfigValues.invalid("not a properties file (" + ex.getMessage() + ")");
        }
        final List<Setting> settings = new ArrayList<>();
        for (final String key : new TreeSet<>(properties.stringPropertyNames())) {
            settings.add(new Setting(key, key, properties.getProperty(key)));
        }
        return settings;
    }

    private static byte[] bytes(final Path file) {
        if (Files.isDirectory(file)) {
            throw ConfigValues.invalid("is a directory");
        }
        if (!Files.exists(file)) {
            throw ConfigValues.invalid("no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw ConfigValues.invalid("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            final byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw ConfigValues.invalid("larger than " + ConfigValues.formatBytes(MAX_FILE_BYTES));
            }
            for (final byte b : bytes) {
                if (b >= 0 && b < ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                    throw ConfigValues.invalid("binary file, not a properties file");
                }
            }
            return bytes;
        } catch (final AccessDeniedException ex) {
            throw ConfigValues.invalid("permission denied");
        } catch (final IOException | SecurityException ex) {
            throw ConfigValues.invalid("cannot read (" + ex + ")");
        }
    }

    private static String decode(final byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        } catch (final CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
