package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.EntrepotApplication;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import io.entrepot.shared.command.CommandLauncherAccess;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access log cannot be quietly changed: the application role cannot update or delete, the trigger
 * refuses even the owner, and when the owner switches the trigger off and edits, deletes or rewrites
 * entries anyway, the verifier names the first bad one (a rewrite with fresh hashes by the signed
 * checkpoint). Each tampering is undone afterwards, byte for byte, and the log verifies again.
 */
@IntegrationTest
class AccessLogVerificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessLog log;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Environment environment;

    private List<Long> appendFive() {
        SellerId seller = new SellerId(UUID.fromString(ActorContext.callAs(Actor.system("test-check"),
                () -> tx.execute(s -> jdbc.sql("select id::text from demo.ref where name = 'lumen'").query(String.class).single()))));
        List<Long> seqs = new ArrayList<>();
        ActorContext.runAs(Actor.system("verification-test"), () -> tx.executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                log.recordSystem(seller, "test.read", List.of("object-" + i), "operator:" + UUID.randomUUID());
                seqs.add(log.head().getKey());
            }
        }));
        return seqs;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }

    /** The owner lifts both guards (forced row-level security and the append-only trigger), tampers, and puts the guards back. */
    private static void asOwnerWithoutTrigger(Connection owner, String... statements) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("alter table governance.access_log no force row level security");
            statement.execute("alter table governance.access_log disable trigger access_log_append_only");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("alter table governance.access_log enable trigger access_log_append_only");
                statement.execute("alter table governance.access_log force row level security");
            }
        }
    }

    @Test
    void editsDeletionsAndRewritesAreNamedByTheVerifier() throws Exception {
        List<Long> seqs = appendFive();
        checkpoints.write();
        assertThat(checkpoints.verify().ok()).as(checkpoints.verify().summary()).isTrue();
        long victim = seqs.get(2);

        // The application role may only insert; the trigger refuses even the owner.
        assertThatThrownBy(() -> ActorContext.runAs(Actor.system("verification-test"), () -> tx.executeWithoutResult(s ->
                jdbc.sql("update governance.access_log set reference = 'x' where seq = " + victim).update()))).rootCause()
                .hasMessageContaining("permission denied");
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            statement.execute("alter table governance.access_log no force row level security");
            try {
                assertThatThrownBy(() -> statement.execute("delete from governance.access_log where seq = " + victim))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.execute("update governance.access_log set reference = 'x' where seq = " + victim))
                        .hasMessageContaining("append-only");
            } finally {
                statement.execute("alter table governance.access_log force row level security");
            }
        }

        try (Connection owner = owner()) {
            // 1. an edit
            asOwnerWithoutTrigger(owner, "update governance.access_log set operation = 'nothing to see' where seq = " + victim);
            try {
                var result = checkpoints.verify();
                assertThat(result.ok()).isFalse();
                assertThat(result.firstBadSeq()).isEqualTo(victim);
                assertThat(result.problem()).startsWith("entry " + victim + " (id ").contains("was altered");
                assertThat(auditVerifyCommand()).as("the command says the same and fails").contains("entry " + victim + " (id ");
            } finally {
                asOwnerWithoutTrigger(owner, "update governance.access_log set operation = 'test.read' where seq = " + victim);
            }
            assertThat(checkpoints.verify().ok()).isTrue();

            // 2. a deletion (the row is put back exactly as it was)
            asOwnerWithoutTrigger(owner, "create temporary table kept as select * from governance.access_log where seq = " + victim,
                    "delete from governance.access_log where seq = " + victim);
            try {
                var result = checkpoints.verify();
                assertThat(result.firstBadSeq()).isEqualTo(victim);
                assertThat(result.problem()).contains("entry " + victim + " is missing");
            } finally {
                asOwnerWithoutTrigger(owner, "insert into governance.access_log select * from kept", "drop table kept");
            }
            assertThat(checkpoints.verify().ok()).isTrue();

            // 3. a rewrite: the entry edited and every hash after it recomputed, head included; only the
            // signed checkpoint still remembers the old chain.
            List<AccessLogEntry> original = new ArrayList<>();
            try (Statement statement = owner.createStatement()) {
                statement.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'tamper', false)");
                try (ResultSet rs = statement.executeQuery("select * from governance.access_log where seq >= " + victim + " order by seq")) {
                    while (rs.next()) {
                        original.add(AccessLog.entry(rs));
                    }
                }
            }
            List<String> rewrite = new ArrayList<>();
            byte[] prev = original.getFirst().prevHash();
            for (AccessLogEntry e : original) {
                var forged = AccessLogEntry.next(e.seq(), e.id(), e.occurredAt(), e.sellerId(), e.actor(), e.grantId(), e.purpose(), e.reference(),
                        e.seq() == victim ? "nothing to see" : e.operation(), e.objectIds(), prev);
                rewrite.add(update(forged));
                prev = forged.hash();
            }
            rewrite.add("update governance.access_log_head set hash = '\\x" + java.util.HexFormat.of().formatHex(prev) + "'");
            asOwnerWithoutTrigger(owner, rewrite.toArray(String[]::new));
            try {
                var result = checkpoints.verify();
                assertThat(result.ok()).isFalse();
                assertThat(result.problem()).contains("differs from its signed checkpoint");
            } finally {
                List<String> restore = new ArrayList<>(original.stream().map(AccessLogVerificationIntegrationTests::update).toList());
                restore.add("update governance.access_log_head set hash = '\\x" + original.getLast().hashHex() + "' where seq = " + original.getLast().seq());
                asOwnerWithoutTrigger(owner, restore.toArray(String[]::new));
            }
        }
        var again = checkpoints.verify();
        assertThat(again.ok()).as(again.summary()).isTrue();
    }

    private static String update(AccessLogEntry e) {
        return "update governance.access_log set operation = '" + e.operation().replace("'", "''") + "', prev_hash = '\\x"
                + java.util.HexFormat.of().formatHex(e.prevHash()) + "', hash = '\\x" + e.hashHex() + "' where seq = " + e.seq();
    }

    private String auditVerifyCommand() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = CommandLauncherAccess.run(EntrepotApplication.class, new String[] {"audit", "verify"}, System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(realOut);
        }
        assertThat(code).isEqualTo(1);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCheckpointFileThatIsDamagedForgedOrCannotBeCheckedFailsTheVerification(@TempDir java.nio.file.Path files) throws Exception {
        appendFive();
        var real = checkpoints.write();
        var key = checkpoints.publicKey().orElseThrow();
        var privateKey = java.nio.file.Path.of(environment.getProperty("entrepot.data-dir", "data"), "governance", "signing.key");
        assertThat(java.nio.file.Files.getPosixFilePermissions(privateKey)).as("the signing key is the platform user's alone")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        var damaged = java.nio.file.Files.writeString(files.resolve("damaged-checkpoints.txt"), real.line() + "\nnot a checkpoint\n");
        var result = checkpoints.verify(damaged, key);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("line 2 of the checkpoint file");

        var otherKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(otherKey.getPrivate());
        signer.update(real.signedBytes());
        var forged = new AuditVerification.Checkpoint(real.seq(), real.hash(), real.at(), signer.sign());
        var forgedFile = java.nio.file.Files.writeString(files.resolve("forged-checkpoints.txt"), forged.line() + "\n");
        assertThat(checkpoints.verify(forgedFile, key).problem()).contains("has no valid signature by the configured key");
        assertThat(checkpoints.verify(forgedFile, null).problem()).contains("no public key to check them with");
        assertThat(checkpoints.verify(java.nio.file.Path.of("no-such-checkpoints.txt"), null).ok()).as("no checkpoints yet, nothing to check them with")
                .isTrue();
    }

    @Test
    void auditorsExportTheWholeLogAndItsVerificationAndNobodyElseDoes() {
        appendFive();
        var api = new Api(port);
        String auditor = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"auditor\",\"label\":\"audit\"}").json().get("key").asString();
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"audit\"}").json().get("key").asString();
        var export = api.send(api.request("/api/v1/ops/audit/access-log.csv", auditor).setHeader("Accept", "text/csv").GET().build());
        assertThat(export.status()).isEqualTo(200);
        String[] lines = export.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,id,at,seller_id,actor,purpose,reference,grant_id,operation,object_ids,prev_hash,hash");
        long head = ActorContext.callAs(Actor.system("test-check"), () -> tx.execute(s -> log.head().getKey()));
        assertThat(lines.length - 1L).as("every entry, in chain order").isEqualTo(head);
        assertThat(lines[1]).startsWith("1,");
        var verification = api.get("/api/v1/ops/audit/verification", auditor);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("problem").isNull()).as(verification.body()).isTrue();
        assertThat(verification.json().get("entries").asLong()).isEqualTo(head);
        assertThat(api.get("/api/v1/ops/audit/verification", finance).status()).isEqualTo(403);
        assertThat(api.send(api.request("/api/v1/ops/audit/access-log.csv", finance).setHeader("Accept", "text/csv").GET().build()).status())
                .isEqualTo(403);
    }
}
