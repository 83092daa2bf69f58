package io.entrepot.reviews.internal;

import io.entrepot.reviews.EnforcementAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enforcement actions, appeals and notices to sellers. */
@Repository
public class EnforcementStore {

    private final JdbcClient jdbc;

    EnforcementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAction(UUID id, UUID seller, String step, String reason, int fakes, Instant now) {
        jdbc.sql("""
                        insert into reviews.enforcement_action (id, seller_id, step, reason, fakes, created_at)
                        values (:id, :seller, :step, :reason, :fakes, :now)
                        """)
                .param("id", id).param("seller", seller).param("step", step).param("reason", reason).param("fakes", fakes)
                .param("now", Timestamp.from(now)).update();
    }

    public void lift(UUID action, String because, Instant now) {
        jdbc.sql("update reviews.enforcement_action set lifted_at = :now, lifted_because = :because where id = :id and lifted_at is null")
                .param("id", action).param("because", because).param("now", Timestamp.from(now)).update();
    }

    private static final String ACTIONS = """
            select a.*, p.id as appeal_id, p.statement, p.status as appeal_status, p.decided_by, p.decision_reason, p.decided_at,
                   p.created_at as appeal_created_at
            from reviews.enforcement_action a
            left join lateral (select * from reviews.appeal p where p.action_id = a.id order by p.created_at desc limit 1) p on true
            """;

    public List<EnforcementAction> actionsOf(UUID seller) {
        return jdbc.sql(ACTIONS + " where a.seller_id = :seller order by a.created_at desc, a.step desc").param("seller", seller)
                .query(EnforcementStore::action).list();
    }

    public Optional<EnforcementAction> action(UUID id) {
        return jdbc.sql(ACTIONS + " where a.id = :id").param("id", id).query(EnforcementStore::action).optional();
    }

    /** Sellers with an action still in force, for the decay job. */
    public List<UUID> sellersWithActiveActions() {
        return jdbc.sql("select distinct seller_id from reviews.enforcement_action where lifted_at is null").query(UUID.class).list();
    }

    public List<EnforcementAction> openAppeals(int limit) {
        return jdbc.sql(ACTIONS + " where p.status = 'open' order by p.created_at limit :limit").param("limit", limit)
                .query(EnforcementStore::action).list();
    }

    public List<EnforcementAction> recentActions(int limit) {
        return jdbc.sql(ACTIONS + " order by a.created_at desc limit :limit").param("limit", limit).query(EnforcementStore::action).list();
    }

    /** Files an appeal; false when the action already has an open one. */
    public boolean insertAppeal(UUID id, UUID seller, UUID action, String statement, Instant now) {
        return jdbc.sql("""
                        insert into reviews.appeal (id, seller_id, action_id, statement, status, created_at)
                        values (:id, :seller, :action, :statement, 'open', :now) on conflict do nothing
                        """)
                .param("id", id).param("seller", seller).param("action", action).param("statement", statement).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public record AppealRow(UUID id, UUID sellerId, UUID actionId, String status) {
    }

    public Optional<AppealRow> appeal(UUID id) {
        return jdbc.sql("select id, seller_id, action_id, status from reviews.appeal where id = :id").param("id", id)
                .query((rs, n) -> new AppealRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4)))
                .optional();
    }

    public boolean decideAppeal(UUID id, String status, String by, String reason, Instant now) {
        return jdbc.sql("""
                        update reviews.appeal set status = :status, decided_by = :by, decision_reason = :reason, decided_at = :now
                        where id = :id and status = 'open'
                        """)
                .param("id", id).param("status", status).param("by", by).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    public void notice(UUID id, UUID seller, String subject, String body, Instant now) {
        jdbc.sql("insert into reviews.seller_notice (id, seller_id, subject, body, created_at) values (:id, :seller, :subject, :body, :now)")
                .param("id", id).param("seller", seller).param("subject", subject).param("body", body).param("now", Timestamp.from(now)).update();
    }

    public record Notice(UUID id, String subject, String body, Instant createdAt) {
    }

    public List<Notice> notices(UUID seller, int limit) {
        return jdbc.sql("select * from reviews.seller_notice where seller_id = :seller order by created_at desc, id desc limit :limit")
                .param("seller", seller).param("limit", limit)
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static EnforcementAction action(ResultSet rs, int row) throws SQLException {
        UUID appealId = rs.getObject("appeal_id", UUID.class);
        EnforcementAction.Appeal appeal = appealId == null ? null : new EnforcementAction.Appeal(appealId, rs.getObject("id", UUID.class),
                rs.getString("statement"), rs.getString("appeal_status"), rs.getString("decided_by"), rs.getString("decision_reason"),
                instant(rs, "decided_at"), rs.getTimestamp("appeal_created_at").toInstant());
        return new EnforcementAction(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("step"),
                rs.getString("reason"), rs.getInt("fakes"), rs.getTimestamp("created_at").toInstant(), instant(rs, "lifted_at"),
                rs.getString("lifted_because"), appeal);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
