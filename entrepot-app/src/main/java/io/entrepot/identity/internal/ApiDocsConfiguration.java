package io.entrepot.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and its one way to authenticate: an API key as a Bearer token. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI entrepotOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Entrepot API").version("v1")
                        .description("Cross-border marketplace platform. Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ent_…")
                        .description("An operator or seller API key, sent as 'Authorization: Bearer <key>'.")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
