package io.entrepot.identity.internal;

import io.entrepot.identity.Identity;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** With {@code ENTREPOT_BOOTSTRAP_ADMIN_API_KEY} set, an operator admin key with that value exists after start. */
@Component
class BootstrapAdminKey implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(BootstrapAdminKey.class);

    private final Identity identity;
    private final Environment environment;

    BootstrapAdminKey(Identity identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String secret = environment.getProperty("ENTREPOT_BOOTSTRAP_ADMIN_API_KEY",
                environment.getProperty("entrepot.bootstrap-admin-api-key", ""));
        if (secret.isBlank()) {
            return;
        }
        boolean created = ActorContext.callAs(Actor.system("bootstrap"), () -> identity.ensureBootstrapAdminKey(secret.strip()));
        if (created) {
            log.info("Created the bootstrap operator admin API key from ENTREPOT_BOOTSTRAP_ADMIN_API_KEY");
        }
    }
}
