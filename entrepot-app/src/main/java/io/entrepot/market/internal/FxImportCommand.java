package io.entrepot.market.internal;

import io.entrepot.market.ExchangeRates;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.command.CommandFailedException;
import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.OperatorCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Imports an ECB reference-rate file from disk, as a scheduled job or an operator would. */
@OperatorCommand(name = "fx import-ecb", summary = "import ECB euro reference rates (eurofxref CSV or XML)",
        usage = "--file FILE")
class FxImportCommand implements CommandHandler {

    private final ExchangeRates rates;

    FxImportCommand(ExchangeRates rates) {
        this.rates = rates;
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 2 || !arguments.getFirst().equals("--file")) {
            throw new CommandFailedException("usage: fx import-ecb --file FILE");
        }
        Path file = Path.of(arguments.get(1));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            var result = ActorContext.callAs(Actor.system("fx-import"), () -> rates.importEcb(content));
            System.out.println("imported " + result.ratesAdded() + " rates from " + result.publications()
                    + " publications (" + result.ratesAlreadyKnown() + " already known)");
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(file + ": " + e.getMessage());
        }
    }
}
