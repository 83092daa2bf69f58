package io.entrepot.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into Boot's short "what happened / what to do" report. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartupException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Either let Entrepot run its embedded PostgreSQL (Linux x86-64, a writable ENTREPOT_DATA_DIR), "
                        + "or set ENTREPOT_DB_URL, ENTREPOT_DB_USER and ENTREPOT_DB_PASSWORD to a PostgreSQL 14+ server.",
                cause);
    }
}
