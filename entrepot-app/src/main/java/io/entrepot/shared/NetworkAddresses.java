package io.entrepot.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which network addresses belong to a machine's own or private network: loopback, private (RFC 1918,
 * IPv6 unique-local), link-local (cloud metadata), wildcard and multicast. Webhooks are not sent to
 * them; review integrity does not link buyers by them (everyone behind one proxy shares one).
 */
public final class NetworkAddresses {

    private NetworkAddresses() {
    }

    public static boolean isInternal(InetAddress address) {
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || uniqueLocal;
    }

    /** An IP literal (dotted IPv4 or IPv6) as an address, never by a name lookup; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || !(text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
