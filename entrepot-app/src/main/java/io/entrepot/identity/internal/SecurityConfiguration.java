package io.entrepot.identity.internal;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two filter chains: the API (stateless, API keys, problem responses) and the pages (form login,
 * sessions in PostgreSQL, CSRF). Unknown routes pass through both so they answer 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observations of the filter chains, authentications or authorizations. The property
     * {@code management.observations.enable.spring.security=false} only makes them no-ops: every filter of
     * both chains was still wrapped and opened a (no-op) observation per request. Requests stay timed
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyStore keys, TransactionTemplate transactions,
            FailureRateLimiter apiKeyFailureLimiter, Clock clock, KnownRoutes routes) throws Exception {
        var problems = new ProblemSecurityHandlers();
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, transactions, apiKeyFailureLimiter, clock),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new ActorPinningFilter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("STAFF")
                        .requestMatchers("/api/v1/storefront/**").permitAll()
                        // Payment provider webhooks authenticate by their signature.
                        .requestMatchers("/api/v1/payments/**").permitAll()
                        // Carriers authenticate with their carrier key, checked by the tracking endpoint.
                        .requestMatchers("/api/v1/logistics/**").permitAll()
                        // After the open paths: finding a route is a handler look-up, not worth doing for a request let through anyway.
                        .requestMatchers(request -> request.getRequestURI().startsWith("/api/") && routes.isUnknown(request)).permitAll()
                        .requestMatchers("/api/v1/ops/**").hasRole("STAFF")
                        .requestMatchers("/api/v1/seller/**").hasRole("SELLER")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, FailureRateLimiter loginFailureLimiter, KnownRoutes routes) throws Exception {
        AuthenticationSuccessHandler success = (request, response, authentication) -> {
            loginFailureLimiter.reset(request.getRemoteAddr());
            var authorities = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
            String target = authorities.contains("ROLE_STAFF") ? "/console"
                    : authorities.contains("ROLE_SELLER") ? "/seller" : "/";
            response.sendRedirect(request.getContextPath() + target);
        };
        AuthenticationFailureHandler failure = (request, response, exception) -> {
            loginFailureLimiter.record(request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
        var csrfHandler = new CsrfTokenRequestAttributeHandler();
        http.csrf(csrf -> csrf.csrfTokenRequestHandler(csrfHandler))
                .addFilterBefore(new LoginRateLimitFilter(loginFailureLimiter), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ActorPinningFilter(), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(success).failureHandler(failure).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/error", "/login", "/css/**", "/js/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/console", "/console/**").hasRole("STAFF")
                        .requestMatchers("/seller", "/seller/**").hasRole("SELLER")
                        .requestMatchers("/", "/store/**").permitAll()
                        .requestMatchers(routes::isUnknown).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }
}
