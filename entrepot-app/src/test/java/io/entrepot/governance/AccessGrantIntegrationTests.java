package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Actor;
import io.entrepot.shared.OperatorRole;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.SystemSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A finance operator and a seller's books: refused without a grant, refused while the request waits,
 * let in once a second person with the compliance role approves, each read in the seller's log, and
 * shut out the moment the grant expires or is revoked — by the database too, for a statement the
 * application prepared while the grant was live.
 */
@IntegrationTest
class AccessGrantIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    Api api;
    UUID lumen;
    String lumenKey;
    String statement;
    YearMonth month;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        lumen = UUID.fromString(new SystemSql(jdbc, tx).text("select id::text from demo.ref where name = 'lumen'"));
        lumenKey = api.newSellerKey(lumen);
        // The month of the seller's latest booking in CNY, not the current one: right after midnight on the first of a
        // month, the demo's captures (made when the platform started) are all in the month before (a CI run failed so).
        month = YearMonth.parse(new SystemSql(jdbc, tx).text("select to_char(max(created_at) at time zone 'UTC', 'YYYY-MM') from ledger.posting"
                + " where seller_id = '" + lumen + "' and currency = 'CNY'"));
        statement = "/api/v1/ops/sellers/" + lumen + "/statements/" + month + "?currency=CNY";
    }

    private JsonNode operatorKey(String role) {
        var issued = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"" + role + "\",\"label\":\"grants test\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    private String request(String key, String scopes, String reference, int hours, boolean breakGlass) {
        var requested = api.post("/api/v1/ops/access-grants", key, """
                {"sellerId":"%s","scopes":[%s],"purpose":"dispute","reference":"%s","hours":%d,"breakGlass":%s}"""
                .formatted(lumen, scopes, reference, hours, breakGlass));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return requested.json().get("id").asString();
    }

    private List<JsonNode> logOf(String reference) {
        return api.get("/api/v1/seller/access-log?q=" + reference, lumenKey).json().valueStream().toList();
    }

    @Test
    void financeReadsASellersBooksOnlyUnderAnApprovedLiveGrantAndEachReadIsLogged() throws Exception {
        var finance = operatorKey("finance");
        String financeKey = finance.get("key").asString();
        String complianceKey = operatorKey("compliance").get("key").asString();
        String reference = "DSP-" + UUID.randomUUID().toString().substring(0, 8);

        var refused = api.get(statement, financeKey);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("no live access grant").contains("ledger");

        String grant = request(financeKey, "\"ledger\"", reference, 8, false);
        assertThat(api.get("/api/v1/ops/access-grants/" + grant, financeKey).json().get("status").asString()).isEqualTo("PENDING");
        assertThat(api.get(statement, financeKey).status()).as("pending is not approved").isEqualTo(403);
        assertThat(api.post("/api/v1/ops/access-grants/" + grant + "/approval", financeKey, "{}").status())
                .as("finance cannot approve, let alone its own request").isEqualTo(403);

        var approved = api.post("/api/v1/ops/access-grants/" + grant + "/approval", complianceKey, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().get("expiresAt").isNull()).isFalse();

        var books = api.get(statement, financeKey);
        assertThat(books.status()).as(books.body()).isEqualTo(200);
        assertThat(books.json().get("lines").size()).as("the demo's captures of this month").isPositive();
        assertThat(api.get(statement, financeKey).status()).isEqualTo(200);

        List<JsonNode> entries = logOf(reference);
        assertThat(entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("grantId").asString()).isEqualTo(grant);
            assertThat(e.get("purpose").asString()).isEqualTo("dispute");
            assertThat(e.get("operation").asString()).isEqualTo("ledger.statement");
            assertThat(e.get("actor").asString()).isEqualTo("operator:" + finance.get("id").asString() + " [finance]");
            assertThat(e.get("objectIds").get(0).asString()).isEqualTo("statement:" + month + ":CNY");
        });
        assertThat(api.get("/api/v1/seller/access-grants", lumenKey).json().valueStream().anyMatch(g -> g.get("id").asString().equals(grant)))
                .as("the seller sees the grant itself").isTrue();
        var other = api.newSellerKey(api.newSeller("Grants Bystander " + UUID.randomUUID()));
        assertThat(api.get("/api/v1/seller/access-log?q=" + reference, other).json().size()).as("no other seller sees it").isZero();

        // The database checks the grant on every statement: a statement prepared while the grant was
        // live finds nothing once it has expired, in the same session, with no help from the application.
        var financeActor = new Actor.Operator(UUID.fromString(finance.get("id").asString()), Set.of(OperatorRole.FINANCE));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement postings = connection.prepareStatement("select count(*) from ledger.posting where seller_id = ?")) {
            assertThat(countAs(financeActor, connection, postings)).isPositive();
            new SystemSql(jdbc, tx).number("with expired as (update governance.access_grant set expires_at = now() - interval '1 second' "
                    + "where id = '" + grant + "' returning 1) select count(*) from expired");
            assertThat(countAs(financeActor, connection, postings)).as("expired: the same prepared statement sees nothing").isZero();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        assertThat(api.get(statement, financeKey).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ops/access-grants/" + grant, financeKey).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(logOf(reference)).as("nothing read after expiry").hasSize(2);
    }

    private long countAs(Actor actor, Connection connection, PreparedStatement statement) throws Exception {
        connection.setAutoCommit(false);
        try (var apply = connection.prepareStatement("""
                select set_config('entrepot.actor_kind', ?, true), set_config('entrepot.user_id', ?, true),
                       set_config('entrepot.operator_roles', 'finance', true)""")) {
            apply.setString(1, actor.kind());
            apply.setString(2, ((Actor.Operator) actor).userId().toString());
            apply.execute();
            statement.setObject(1, lumen);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void nobodyApprovesTheirOwnRequestARevokedGrantStopsAtOnceAndBreakGlassIsShortAndFlagged() {
        String complianceKey = operatorKey("compliance").get("key").asString();
        String secondCompliance = operatorKey("compliance").get("key").asString();
        var support = operatorKey("support");
        String supportKey = support.get("key").asString();
        String reference = "FRD-" + UUID.randomUUID().toString().substring(0, 8);

        String own = request(complianceKey, "\"orders\"", reference, 4, false);
        var self = api.post("/api/v1/ops/access-grants/" + own + "/approval", complianceKey, "{}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asString()).contains("nobody approves their own");
        assertThat(api.post("/api/v1/ops/access-grants/" + own + "/approval", secondCompliance, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/ops/access-grants/" + own + "/approval", secondCompliance, "{}").status()).as("approved once").isEqualTo(409);

        String ledger = request(supportKey, "\"ledger\"", reference, 2, false);
        // Nor can a requester approve in the database behind the application's back.
        var supportActor = new Actor.Operator(UUID.fromString(support.get("id").asString()), Set.of(OperatorRole.SUPPORT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.entrepot.shared.ActorContext.runAs(supportActor, () -> tx.executeWithoutResult(s ->
                jdbc.sql("update governance.access_grant set approved_by = gen_random_uuid(), approver = 'me', approved_at = now(), "
                        + "expires_at = now() + interval '1 hour' where id = '" + ledger + "'").update())))
                .rootCause().hasMessageContaining("only compliance approves");
        assertThat(api.post("/api/v1/ops/access-grants/" + ledger + "/approval", complianceKey, "{}").status()).isEqualTo(200);
        assertThat(api.get(statement, supportKey).status()).isEqualTo(200);
        var revoked = api.post("/api/v1/ops/access-grants/" + ledger + "/revocation", supportKey, "{\"reason\":\"ticket closed\"}");
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(api.get(statement, supportKey).status()).as("revoked: stops at once").isEqualTo(403);

        String glass = request(supportKey, "\"ledger\"", reference, 2, true);
        var opened = api.get("/api/v1/ops/access-grants/" + glass, supportKey).json();
        assertThat(opened.get("status").asString()).as("break-glass opens at once").isEqualTo("ACTIVE");
        assertThat(opened.get("breakGlass").asBoolean()).isTrue();
        assertThat(api.get(statement, supportKey).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ops/access-grants?status=active", complianceKey).json().valueStream()
                .anyMatch(g -> g.get("id").asString().equals(glass) && g.get("reviewedAt").isNull())).as("compliance sees it, unreviewed").isTrue();
        var review = api.post("/api/v1/ops/access-grants/" + glass + "/review", complianceKey, "{\"reason\":\"outage call, justified\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.json().get("reviewNote").asString()).isEqualTo("outage call, justified");
        assertThat(api.get("/api/v1/ops/access-grants", supportKey).json().valueStream().map(g -> g.get("grantee").asString()).distinct().count())
                .as("staff see only their own grants").isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedWithTheirReasonAndWriteNothing() {
        String supportKey = operatorKey("support").get("key").asString();
        long before = new SystemSql(jdbc, tx).number("select count(*) from governance.access_grant");
        String base = "{\"sellerId\":\"%s\",\"scopes\":[%s],\"purpose\":\"%s\",\"reference\":\"%s\",\"hours\":%d,\"breakGlass\":%s}";
        record Bad(String body, int status, String says) {
        }
        for (Bad bad : List.of(
                new Bad(base.formatted(lumen, "\"ledger\"", "dispute", "R-1", 73, false), 400, "hours"),
                new Bad(base.formatted(lumen, "\"ledger\"", "dispute", "R-1", 5, true), 400, "break-glass grant lasts 1 to 4 hours"),
                new Bad(base.formatted(lumen, "\"everything\"", "dispute", "R-1", 5, false), 400, "scopes"),
                new Bad(base.formatted(lumen, "", "dispute", "R-1", 5, false), 400, "scopes"),
                new Bad(base.formatted(lumen, "\"ledger\"", "curiosity", "R-1", 5, false), 400, "purpose"),
                new Bad(base.formatted(lumen, "\"ledger\"", "dispute", " ", 5, false), 400, "reference"),
                new Bad(base.formatted(UUID.randomUUID(), "\"ledger\"", "dispute", "R-1", 5, false), 404, "seller"))) {
            var answer = api.post("/api/v1/ops/access-grants", supportKey, bad.body());
            assertThat(answer.status()).as(bad.body() + " → " + answer.body()).isEqualTo(bad.status());
            assertThat(answer.body()).contains(bad.says());
        }
        assertThat(api.post("/api/v1/ops/access-grants", lumenKey, base.formatted(lumen, "\"ledger\"", "dispute", "R-1", 5, false)).status())
                .as("a seller holds no grants").isEqualTo(403);
        String retailKey = operatorKey("first_party_retail").get("key").asString();
        assertThat(api.post("/api/v1/ops/access-grants", retailKey, base.formatted(lumen, "\"ledger\"", "dispute", "R-1", 5, false)).status())
                .as("nor does the first-party retail team").isEqualTo(403);
        assertThat(new SystemSql(jdbc, tx).number("select count(*) from governance.access_grant")).isEqualTo(before);

        String compliance = operatorKey("compliance").get("key").asString();
        var unknown = api.post("/api/v1/ops/access-grants/" + UUID.randomUUID() + "/approval", compliance, "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("access grant");
        String pending = request(supportKey, "\"orders\"", "R-2", 2, false);
        var blank = api.post("/api/v1/ops/access-grants/" + pending + "/revocation", supportKey, "{\"reason\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("reason");
        var notGlass = api.post("/api/v1/ops/access-grants/" + pending + "/review", compliance, "{\"reason\":\"looked at it\"}");
        assertThat(notGlass.status()).isEqualTo(409);
        assertThat(notGlass.body()).contains("only break-glass grants");
        var badStatus = api.get("/api/v1/ops/access-grants?status=forever", supportKey);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("pending, active, expired or revoked");
        assertThat(api.get("/api/v1/ops/access-grants/" + pending, supportKey).json().get("status").asString()).as("nothing changed").isEqualTo("PENDING");

        // The seller's log: bad filters are refused with their reason.
        record BadFilter(String query, String says) {
        }
        for (BadFilter bad : List.of(new BadFilter("limit=0", "limit is 1 to 1000"),
                new BadFilter("limit=1001", "limit is 1 to 1000"),
                new BadFilter("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "from must be before to"),
                new BadFilter("from=yesterday", "from"),
                new BadFilter("q=" + "x".repeat(201), "at most 200 characters"))) {
            var answer = api.get("/api/v1/seller/access-log?" + bad.query(), lumenKey);
            assertThat(answer.status()).as(bad.query() + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains(bad.says());
        }
    }
}
