package io.entrepot.support;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks in the database as the system (row-level security lets the system see every tenant's rows). */
public final class SystemSql {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public SystemSql(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public long number(String query) {
        return ActorContext.callAs(Actor.system("test-check"), () -> tx.execute(s -> jdbc.sql(query).query(Long.class).single()));
    }

    public String text(String query) {
        return ActorContext.callAs(Actor.system("test-check"), () -> tx.execute(s -> jdbc.sql(query).query(String.class).single()));
    }
}
