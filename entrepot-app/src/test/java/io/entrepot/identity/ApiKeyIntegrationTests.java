package io.entrepot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Automation bootstraps a fresh installation with the bootstrap admin key and works as a seller. */
@IntegrationTest
class ApiKeyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void bootstrapAdminCreatesASellerAndItsKeyWhichWorksOnTheSellerApi() {
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY,
                "{\"legalName\":\"Guangzhou Pearl Trading Co., Ltd.\",\"displayName\":\"Pearl\",\"country\":\"CN\",\"status\":\"active\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/ops/sellers/" + created.json().get("id").asString());
        UUID sellerId = UUID.fromString(created.json().get("id").asString());

        var issued = api.post("/api/v1/ops/sellers/" + sellerId + "/api-keys", Api.ADMIN_KEY, "{\"label\":\"ERP sync\"}");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asString();
        assertThat(key).startsWith("ent_").hasSizeGreaterThan(40);

        var profile = api.get("/api/v1/seller/profile", key);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("id").asString()).isEqualTo(sellerId.toString());
        assertThat(profile.json().get("displayName").asString()).isEqualTo("Pearl");

        var keys = api.get("/api/v1/seller/api-keys", key);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().valueStream().map(k -> k.get("label").asString())).containsExactly("ERP sync");
        assertThat(keys.body()).doesNotContain(key);
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        UUID seller = api.newSeller("Hash Check Co");
        String key = api.newSellerKey(seller);
        long plain = ActorContext.callAs(Actor.system("test"), () -> transactions.execute(tx -> jdbc.sql("""
                select count(*) from identity.api_key
                where encode(key_hash, 'escape') like '%' || :key || '%' or label = :key or key_prefix = :key
                """).param("key", key).query(Long.class).single()));
        assertThat(plain).isZero();
        long hashed = ActorContext.callAs(Actor.system("test"), () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from identity.api_key where key_hash = sha256(convert_to(:key, 'UTF8'))")
                .param("key", key).query(Long.class).single()));
        assertThat(hashed).isOne();
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        UUID seller = api.newSeller("Revocation Co");
        String key = api.newSellerKey(seller);
        String keyId = api.get("/api/v1/seller/api-keys", key).json().get(0).get("id").asString();
        assertThat(api.delete("/api/v1/seller/api-keys/" + keyId, key).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/seller/profile", key).status()).isEqualTo(401);
    }

    @Test
    void aSellerCannotRevokeAnotherSellersKey() {
        String keyA = api.newSellerKey(api.newSeller("Seller A Co"));
        String keyB = api.newSellerKey(api.newSeller("Seller B Co"));
        String idOfB = api.get("/api/v1/seller/api-keys", keyB).json().get(0).get("id").asString();
        var attempt = api.delete("/api/v1/seller/api-keys/" + idOfB, keyA);
        assertThat(attempt.status()).isEqualTo(404);
        assertThat(attempt.body()).doesNotContain("Seller B");
        assertThat(api.get("/api/v1/seller/profile", keyB).status()).isEqualTo(200);
    }

    @Test
    void issuingAKeyForAnUnknownSellerIsNotFound() {
        var response = api.post("/api/v1/ops/sellers/" + UUID.randomUUID() + "/api-keys", Api.ADMIN_KEY, "{\"label\":\"x\"}");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void bootstrapKeyIsCreatedOnceAndKeptAcrossRestarts() {
        long count = ActorContext.callAs(Actor.system("test"), () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from identity.api_key where key_hash = sha256(convert_to(:key, 'UTF8')) and operator_role = 'admin'")
                .param("key", Api.ADMIN_KEY).query(Long.class).single()));
        assertThat(count).isOne();
    }
}
