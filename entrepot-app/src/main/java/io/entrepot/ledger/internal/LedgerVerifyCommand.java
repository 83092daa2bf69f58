package io.entrepot.ledger.internal;

import io.entrepot.ledger.Ledger;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.command.CommandFailedException;
import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.OperatorCommand;
import java.util.List;

/** Recomputes the ledger's invariants over every entry and posting. */
@OperatorCommand(name = "ledger verify", summary = "check that every journal entry balances per currency, postings match their accounts and no seller is owed less than nothing")
class LedgerVerifyCommand implements CommandHandler {

    private final Ledger ledger;

    LedgerVerifyCommand(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public int run(List<String> arguments) {
        Actor verifier = Actor.system("ledger-verification");
        List<String> problems = ActorContext.callAs(verifier, ledger::verify);
        long entries = ActorContext.callAs(verifier, ledger::entries);
        if (!problems.isEmpty()) {
            problems.forEach(System.out::println);
            throw new CommandFailedException(problems.size() + " ledger invariant violations (listed above)");
        }
        System.out.println("ledger verified: " + entries + " journal entries, every one balanced per currency");
        return 0;
    }
}
