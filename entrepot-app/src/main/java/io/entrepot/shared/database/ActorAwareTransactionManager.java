package io.entrepot.shared.database;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.ReferenceData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Begins every transaction by writing the current actor into transaction-local settings
 * ({@code set_config(..., true)}), which row-level security policies read. Being transaction-local,
 * the settings vanish at commit or rollback, so a pooled connection never carries them to the next
 * request.
 *
 * <p>A transaction named {@link ReferenceData#OBSERVING_TRANSACTION} also gets, in the same statement, its
 * statements planned once per connection and the reference data's generation, which it then observes —
 * one round trip where checkout had two at the start of each of its transactions.
 */
class ActorAwareTransactionManager extends JdbcTransactionManager {

    private static final String APPLY = """
            select set_config('entrepot.actor_kind', ?, true),
                   set_config('entrepot.user_id', ?, true),
                   set_config('entrepot.seller_id', ?, true),
                   set_config('entrepot.operator_roles', ?, true),
                   set_config('entrepot.system_purpose', ?, true)
            """;

    private static final String APPLY_AND_OBSERVE = APPLY + """
                 , set_config('plan_cache_mode', 'force_generic_plan', true),
                   (select coalesce(sum(generation), 0) from shared.reference_generation) as generation
            """;

    private final ReferenceData referenceData;
    /** The generation read at the begin of this thread's observing transaction, until its synchronization starts. */
    private final ThreadLocal<Long> generationRead = new ThreadLocal<>();

    ActorAwareTransactionManager(DataSource dataSource, ReferenceData referenceData) {
        super(dataSource);
        this.referenceData = referenceData;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        generationRead.remove(); // left by a begin that failed after reading it
        Actor actor = ActorContext.current();
        if (!ReferenceData.OBSERVING_TRANSACTION.equals(definition.getName())) {
            apply(connection, actor, APPLY).close();
            return;
        }
        ReferenceData.requireMayObserve(); // before anything is set: observe() must not fail once the transaction has begun
        try (var result = apply(connection, actor, APPLY_AND_OBSERVE)) {
            result.next();
            generationRead.set(result.getLong("generation"));
        }
    }

    /**
     * Declares the generation read at the begin, now that the transaction's synchronization is active (it
     * starts after the connection is prepared).
     */
    @Override
    protected void prepareSynchronization(DefaultTransactionStatus status, TransactionDefinition definition) {
        super.prepareSynchronization(status, definition);
        Long generation = generationRead.get();
        if (generation != null) {
            generationRead.remove();
            referenceData.observe(generation);
        }
    }

    private static ResultSet apply(Connection connection, Actor actor, String sql) throws SQLException {
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
        var statement = connection.prepareStatement(sql);
        try {
            statement.setString(1, actor.kind());
            statement.setString(2, userId);
            statement.setString(3, sellerId);
            statement.setString(4, roles);
            statement.setString(5, purpose);
            statement.closeOnCompletion(); // closing the result closes the statement
            return statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
