package io.helixagent.core.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Host ids: stable, case-blind, default ports filled in, capped. */
class HostRegistryTest {
    private final HostRegistry hosts = new HostRegistry(3);

    @Test
    void shouldGiveTheSameIdToTheSameHostWhateverTheCase() {
        final int id = hosts.idOf("http", "Api.Example.com", 8080);
        assertEquals(id, hosts.idOf("HTTP", "api.example.COM", 8080));
        assertEquals("http://api.example.com:8080", hosts.name(id));
    }

    @Test
    void shouldTellHostsApartByPortAndScheme() {
        final int plain = hosts.idOf("http", "api.example.com", -1);
        assertEquals(plain, hosts.idOf("http", "api.example.com", 80), "-1 is the scheme's default port");
        final int secure = hosts.idOf("https", "api.example.com", -1);
        assertNotEquals(plain, secure);
        assertEquals("https://api.example.com:443", hosts.name(secure));
        assertNotEquals(plain, hosts.idOf("http", "api.example.com", 8080));
    }

    @Test
    void shouldShareOneIdBeyondTheCap() {
        hosts.idOf("http", "a", 1);
        hosts.idOf("http", "b", 1);
        hosts.idOf("http", "c", 1);
        assertEquals(HostRegistry.OTHER, hosts.idOf("http", "d", 1));
        assertEquals(HostRegistry.OTHER, hosts.idOf("http", "e", 1));
        assertEquals(HostRegistry.OTHER_NAME, hosts.name(HostRegistry.OTHER));
    }

    @Test
    void shouldKeepIdsWhenTheTableGrows() {
        final HostRegistry many = new HostRegistry(1000);
        final int first = many.idOf("http", "host-0", 80);
        for (int i = 1; i < 500; i++) {
            many.idOf("http", "host-" + i, 80);
        }
        assertEquals(first, many.idOf("http", "host-0", 80));
        assertEquals("http://host-499:80", many.name(many.idOf("http", "host-499", 80)));
    }

    @Test
    void shouldNotNameUnknownTargets() {
        assertEquals(HostRegistry.UNKNOWN, hosts.idOf("http", null, 80));
        assertNull(hosts.name(HostRegistry.UNKNOWN));
    }
}
