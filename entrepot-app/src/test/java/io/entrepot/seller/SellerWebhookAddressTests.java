package io.entrepot.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Webhooks never reach the platform's own machine or network (no server-side request forgery through a seller's URL). */
class SellerWebhookAddressTests {

    @Test
    void internalAddressesAreRefusedAndPublicOnesAccepted() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(SellerWebhooks.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"93.184.215.14", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(SellerWebhooks.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
        assertThat(SellerWebhooks.internal("localhost")).isTrue();
        assertThat(SellerWebhooks.internal("no-such-host.invalid")).as("an unresolvable name is not sent to").isTrue();
    }
}
