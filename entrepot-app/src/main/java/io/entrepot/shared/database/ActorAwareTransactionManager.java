package io.entrepot.shared.database;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.OperatorRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Begins every transaction by writing the current actor into transaction-local settings
 * ({@code set_config(..., true)}), which row-level security policies read. Being transaction-local,
 * the settings vanish at commit or rollback, so a pooled connection never carries them to the next
 * request.
 */
class ActorAwareTransactionManager extends JdbcTransactionManager {

    private static final String APPLY = """
            select set_config('entrepot.actor_kind', ?, true),
                   set_config('entrepot.user_id', ?, true),
                   set_config('entrepot.seller_id', ?, true),
                   set_config('entrepot.operator_roles', ?, true),
                   set_config('entrepot.system_purpose', ?, true)
            """;

    ActorAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        apply(connection, ActorContext.current());
    }

    static void apply(Connection connection, Actor actor) throws SQLException {
        String userId = "";
        String sellerId = "";
        String roles = "";
        String purpose = "";
        switch (actor) {
            case Actor.Anonymous anonymous -> { }
            case Actor.Operator operator -> {
                userId = operator.userId().toString();
                roles = operator.roles().stream().map(OperatorRole::key).sorted().collect(Collectors.joining(","));
            }
            case Actor.Seller seller -> {
                userId = seller.userId().toString();
                sellerId = seller.sellerId().toString();
            }
            case Actor.Buyer buyer -> userId = buyer.userId().toString();
            case Actor.System system -> purpose = system.purpose();
        }
        try (var statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, actor.kind());
            statement.setString(2, userId);
            statement.setString(3, sellerId);
            statement.setString(4, roles);
            statement.setString(5, purpose);
            statement.execute();
        }
    }
}
