package io.entrepot.reviews.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkAddressesTests {

    @Test
    void onlyPublicIpLiteralsLinkBuyers() {
        assertThat(NetworkAddresses.publicOrNull("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(NetworkAddresses.publicOrNull("2001:db8::1")).isEqualTo("2001:db8::1");
        for (String shared : new String[] {"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.5.4", "169.254.0.1", "::1", "fd00::1", "fe80::1", "0.0.0.0"}) {
            assertThat(NetworkAddresses.publicOrNull(shared)).as(shared).isNull();
        }
        for (String notALiteral : new String[] {"", "example.com", "cafe", "localhost"}) {
            assertThat(NetworkAddresses.publicOrNull(notALiteral)).as(notALiteral).isNull();
        }
        assertThat(NetworkAddresses.publicOrNull(null)).isNull();
    }
}
