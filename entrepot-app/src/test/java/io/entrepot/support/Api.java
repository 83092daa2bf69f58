package io.entrepot.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: JSON in, status and JSON out. */
public final class Api {

    public static final String ADMIN_KEY = "it-bootstrap-admin-key-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A JSON string literal of {@code text}, quotes and all. */
    public static String jsonString(String text) {
        return JSON.writeValueAsString(text);
    }

    public Response get(String path, @Nullable String key) {
        return send(request(path, key).GET().build());
    }

    public Response post(String path, @Nullable String key, String json) {
        return send(request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path, @Nullable String key) {
        return send(request(path, key).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, @Nullable String key) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    /** Creates an active seller as the bootstrap admin and returns its id. */
    public UUID newSeller(String legalName) {
        Response created = post("/api/v1/ops/sellers", ADMIN_KEY,
                "{\"legalName\":\"" + legalName + "\",\"country\":\"CN\",\"status\":\"active\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create seller: " + created);
        }
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Issues an API key for the seller as the bootstrap admin and returns the secret. */
    public String newSellerKey(UUID sellerId) {
        Response issued = post("/api/v1/ops/sellers/" + sellerId + "/api-keys", ADMIN_KEY, "{\"label\":\"test\"}");
        if (issued.status() != 201) {
            throw new IllegalStateException("could not issue key: " + issued);
        }
        return issued.json().get("key").asString();
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
