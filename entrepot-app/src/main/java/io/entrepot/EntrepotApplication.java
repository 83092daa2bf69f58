package io.entrepot;

import io.entrepot.shared.command.CommandLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Entrepot marketplace platform: with no arguments it serves HTTP; with arguments it runs one
 * operator command against the configured database and exits.
 */
@SpringBootApplication
@Modulithic(systemName = "Entrepot", sharedModules = "shared")
public class EntrepotApplication {

    public static void main(String[] args) {
        CommandLauncher.main(EntrepotApplication.class, args);
    }
}
