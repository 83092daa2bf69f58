package io.entrepot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small HTTP/1.1 client for the benchmarks' JSON POSTs (the checkout's quotes and orders among them):
 * kept-alive connections to one server, taken from a pool per request, a request written in one piece, a
 * response read by its length or its chunks.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the load generator runs on the machine it measures, and
 * that client cost 1.1–1.5 ms of CPU per checkout (a quote and an order) on this two-core machine — a
 * tenth of the platform's own (~11 ms with PostgreSQL), taken from the platform. This one writes and reads
 * on the calling thread, without the selector thread and futures in between.
 *
 * <p>A request is sent again on a new connection only when a kept connection turned out closed before
 * any byte of the answer came back: the server closes idle connections, so such a request was most likely
 * never read. Were it read after all, a resent order carries the same {@code Idempotency-Key}, and a resent
 * quote is only a second quote.
 */
final class PlainHttp {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    PlainHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.hostHeader = host + ":" + port;
    }

    Response post(String path, String json, String... headers) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
                .append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return exchange(request);
    }

    private Response exchange(byte[] request) throws IOException {
        Connection kept = idle.pollFirst();
        if (kept != null) {
            try {
                return kept.exchange(request, this);
            } catch (NothingAnswered e) {
                kept.close();
            }
        }
        var fresh = new Connection(host, port);
        try {
            return fresh.exchange(request, this);
        } catch (NothingAnswered e) {
            fresh.close();
            throw new IOException("the server closed a new connection without answering", e);
        }
    }

    /** The connection closed (or failed) before the first byte of the answer: the request was not answered. */
    private static final class NothingAnswered extends IOException {
        NothingAnswered(IOException cause) {
            super(cause);
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] request, PlainHttp owner) throws IOException {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (java.net.SocketTimeoutException e) {
                close(); // no answer in time, but the server may be working on it: not sent again
                throw e;
            } catch (IOException e) {
                throw new NothingAnswered(e);
            }
            if (first < 0) {
                throw new NothingAnswered(new EOFException("closed"));
            }
            try {
                return answer(first, owner);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Response answer(int first, PlainHttp owner) throws IOException {
            String statusLine = (char) first + line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean keep = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keep = !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            byte[] body;
            if (chunked) {
                var all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0; size = Integer.parseInt(chunkSize(line()), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                body = all.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new EOFException("the answer ended early");
                }
            } else {
                body = in.readAllBytes();
                keep = false;
            }
            if (keep) {
                owner.idle.offerFirst(this);
            } else {
                close();
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private static String chunkSize(String line) {
            int extension = line.indexOf(';');
            return (extension < 0 ? line : line.substring(0, extension)).trim();
        }

        /** One header line without its CRLF (ISO-8859-1, as HTTP/1.1 header bytes are read). */
        private String line() throws IOException {
            var s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the answer ended early");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
