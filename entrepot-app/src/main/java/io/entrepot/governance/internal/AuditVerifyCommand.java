package io.entrepot.governance.internal;

import io.entrepot.governance.AuditVerification;
import io.entrepot.governance.Checkpoints;
import io.entrepot.shared.command.CommandFailedException;
import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.CommandOptions;
import io.entrepot.shared.command.OperatorCommand;
import java.util.List;
import java.util.Set;

/** Recomputes the access log's hash chain and checks the signed checkpoints; names the first bad entry. */
@OperatorCommand(name = "audit verify", summary = "recompute the access log's hash chain and check its signed checkpoints; names the first bad entry",
        usage = "[--checkpoints FILE] [--public-key FILE]")
class AuditVerifyCommand implements CommandHandler {

    private static final String USAGE = "audit verify [--checkpoints FILE] [--public-key FILE]";

    private final Checkpoints checkpoints;

    AuditVerifyCommand(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public int run(List<String> arguments) {
        var options = CommandOptions.parse(arguments, Set.of("checkpoints", "public-key"), Set.of(), USAGE);
        long started = System.nanoTime();
        var file = options.get("checkpoints") == null ? checkpoints.file() : options.path("checkpoints");
        var key = options.get("public-key") == null ? checkpoints.publicKey().orElse(null) : Checkpoints.readPublicKey(options.path("public-key"));
        AuditVerification.Result result = checkpoints.verify(file, key);
        System.out.println(result.summary());
        System.out.printf("(%.1f s)%n", (System.nanoTime() - started) / 1e9);
        if (!result.ok()) {
            throw new CommandFailedException(result.firstBadSeq() == null ? "access log verification failed"
                    : "access log verification failed at entry " + result.firstBadSeq());
        }
        return 0;
    }
}
