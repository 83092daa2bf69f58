package io.entrepot;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests get a clear 4xx problem, never a 5xx and never a stack trace. */
@IntegrationTest
class ApiProblemsIntegrationTests {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void unknownRouteIsANotFoundProblemWithOrWithoutAKey() {
        for (String key : new String[] {null, Api.ADMIN_KEY}) {
            var response = api.get("/api/v1/no-such-thing", key);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:entrepot:problem:not-found");
            assertThat(response.json().get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        var response = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, "{\"legalName\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:entrepot:problem:malformed-body");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.entrepot");
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        var response = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, "{\"legalName\":\"\",\"country\":\"china\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:entrepot:problem:validation");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("legalName", "country");
    }

    @Test
    void wrongApiKeyIsUnauthenticated() {
        var response = api.get("/api/v1/seller/profile", "ent_not-a-real-key");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void missingApiKeyIsUnauthenticated() {
        assertThat(api.get("/api/v1/ops/sellers/" + java.util.UUID.randomUUID(), null).status()).isEqualTo(401);
    }

    @Test
    void sellerKeyOnOperatorApiIsForbidden() {
        var seller = api.newSeller("Forbidden Test Co");
        String key = api.newSellerKey(seller);
        var response = api.get("/api/v1/ops/sellers/" + seller, key);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:entrepot:problem:forbidden");
        assertThat(api.post("/api/v1/ops/sellers", key, "{\"legalName\":\"X\",\"country\":\"CN\"}").status()).isEqualTo(403);
    }

    @Test
    void nonAdminOperatorKeyCannotRegisterSellers() {
        var issued = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"finance bot\"}");
        assertThat(issued.status()).isEqualTo(201);
        String financeKey = issued.json().get("key").asString();
        assertThat(api.post("/api/v1/ops/sellers", financeKey, "{\"legalName\":\"X\",\"country\":\"CN\"}").status()).isEqualTo(403);
    }

    @Test
    void unknownRoleForAnOperatorKeyIsAValidationProblem() {
        var response = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"superuser\",\"label\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequest() {
        var response = api.get("/api/v1/ops/sellers/not-a-uuid", Api.ADMIN_KEY);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownSellerIsNotFound() {
        var response = api.get("/api/v1/ops/sellers/" + java.util.UUID.randomUUID(), Api.ADMIN_KEY);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:entrepot:problem:not-found");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        var response = api.delete("/api/v1/ops/sellers", Api.ADMIN_KEY);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oversizedBodiesAreRefusedWith413WhetherDeclaredOrStreamed() {
        String big = "{\"legalName\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"country\":\"CN\"}";
        var declared = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("type").asString()).isEqualTo("urn:entrepot:problem:payload-too-large");

        var streamed = api.send(api.request("/api/v1/ops/sellers", Api.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build());
        assertThat(streamed.status()).isEqualTo(413);
    }

    @Test
    void injectionShapedInputIsStoredAsPlainText() {
        String name = "Robert'); drop table seller.seller; --";
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY,
                "{\"legalName\":\"" + name + "\",\"country\":\"CN\"}");
        assertThat(created.status()).isEqualTo(201);
        var read = api.get("/api/v1/ops/sellers/" + created.json().get("id").asString(), Api.ADMIN_KEY);
        assertThat(read.json().get("legalName").asString()).isEqualTo(name);
        assertThat(read.json().get("status").asString()).isEqualTo("pending_review");
    }
}
