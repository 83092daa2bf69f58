package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkAddressesTests {

    @Test
    void literalsAreReadWithoutNameLookupsAndPrivateOnesAreInternal() {
        assertThat(NetworkAddresses.literal("203.0.113.7").map(NetworkAddresses::isInternal)).contains(false);
        assertThat(NetworkAddresses.literal("2001:db8::1").map(NetworkAddresses::isInternal)).contains(false);
        for (String shared : new String[] {"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.5.4", "169.254.0.1", "::1", "fd00::1", "fe80::1", "0.0.0.0"}) {
            assertThat(NetworkAddresses.literal(shared).map(NetworkAddresses::isInternal)).as(shared).contains(true);
        }
        for (String notALiteral : new String[] {"", "example.com", "cafe", "localhost"}) {
            assertThat(NetworkAddresses.literal(notALiteral)).as(notALiteral).isEmpty();
        }
        assertThat(NetworkAddresses.literal(null)).isEmpty();
    }
}
