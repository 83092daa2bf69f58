package io.entrepot.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's handler by its path first. A path with a variable (every storefront API path has
 * {@code {market}}) is matched against every mapping of the application, and Spring MVC tests each
 * mapping's method, parameters, headers, consumed and produced media types before its path — the
 * handler look-up was 8% of the platform's request CPU under checkout load (a flight recording,
 * docs/benchmarks.md). Rejecting on the path first gives the same answer (a mapping matches only when
 * every condition does) and skips the other conditions for the ~200 mappings whose path cannot match.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstHandlerMapping {

    @Bean
    WebMvcRegistrations pathFirstRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            var paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
