package io.entrepot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application over real HTTP, with the embedded PostgreSQL that the build
 * keeps under {@code target/it-data}, the demo data (written before the first test) and a known
 * bootstrap admin key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"entrepot.bootstrap-admin-api-key=" + Api.ADMIN_KEY, "entrepot.demo.background=false",
                "entrepot.webhooks.allow-insecure=true"})
public @interface IntegrationTest {
}
