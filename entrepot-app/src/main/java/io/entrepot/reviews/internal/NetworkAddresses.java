package io.entrepot.reviews.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Which network addresses say something about who placed an order: public ones. Loopback, private,
 * link-local and unique-local addresses are shared by everyone behind the same proxy or office
 * network, so they link nobody.
 */
final class NetworkAddresses {

    private NetworkAddresses() {
    }

    static @Nullable String publicOrNull(@Nullable String literal) {
        // Only IP literals: getByName must never turn into a name lookup.
        if (literal == null || !(literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") || literal.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*"))) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            boolean uniqueLocal = address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || address.isMulticastAddress() || uniqueLocal) {
                return null;
            }
            return literal;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
