package io.entrepot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** Like {@link IntegrationTest}, with rate and size limits set low so tests can reach them quickly. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "entrepot.bootstrap-admin-api-key=" + Api.ADMIN_KEY, "entrepot.demo.background=false",
        "entrepot.security.api-key-failures-per-minute=5", "entrepot.security.login-failures-per-minute=3",
        "entrepot.http.max-import-size=256KB", "entrepot.security.seller-applications-per-hour=2"})
public @interface LowLimitsTest {
}
