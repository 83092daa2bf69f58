package io.entrepot.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler by its path first. A path with a variable (every storefront API path has
 * {@code {market}}) is matched against every mapping of the application, and Spring MVC tests each
 * mapping's method, parameters, headers, consumed and produced media types before its path — the
 * handler look-up was 8% of the platform's request CPU under checkout load (a flight recording,
 * docs/benchmarks.md). Rejecting on the path first gives the same answer (a mapping matches only when
 * every condition does) and skips the other conditions for the ~200 mappings whose path cannot match.
 * Before the pattern itself, the path is compared with the pattern's literal start (its segments before
 * the first variable or wildcard), a string comparison instead of a walk through the pattern's elements: matching
 * every mapping's pattern was still 5% of the request CPU. The comparison is made only on a path without
 * escaped characters, where the raw path is the decoded one the patterns match; the look-up path has any
 * matrix parameters removed already, as the pattern matching ignores them.
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

        /** The path being looked up while this thread looks it up, when it contains no escaped character. */
        private static final ThreadLocal<@Nullable String> LOOKUP = new ThreadLocal<>();

        /**
         * Each mapping's path patterns up to their first variable or wildcard (a path that starts with none of them
         * cannot match), by the mapping itself as registered: an identity look-up, as the registry hands the same
         * instances back at every request. A hash map keyed by the mappings' equality computed each mapping's hash
         * from all its conditions, for each of ~200 mappings at each request (~3% of the request CPU in a flight
         * recording, docs/benchmarks.md). Replaced whole at each registration (start-up), read without a lock.
         */
        private volatile Map<RequestMappingInfo, String[]> literalPrefixes = new IdentityHashMap<>();

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            var withIt = new IdentityHashMap<>(literalPrefixes);
            withIt.put(mapping, prefixes(mapping));
            literalPrefixes = withIt;
        }

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            // The look-up path is the raw one; the patterns match decoded segments. Without a '%' they are the same text.
            LOOKUP.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            var paths = info.getPathPatternsCondition();
            String lookupPath = LOOKUP.get();
            String[] prefixes = lookupPath == null || paths == null ? null : literalPrefixes.get(info); // none for a mapping registered otherwise
            if (prefixes != null && !startsWithAny(java.util.Objects.requireNonNull(lookupPath), prefixes)) {
                return null;
            }
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        /** The literal starts kept for a mapping as registered; null for one this mapping did not register. */
        String @Nullable [] literalPrefixesOf(RequestMappingInfo info) {
            return literalPrefixes.get(info);
        }

        private static boolean startsWithAny(String path, String[] prefixes) {
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The literal segments before the first segment with a variable or wildcard, without the separator
         * after them ("" for a mapping without patterns: no shortcut). Not up to the wildcard itself: {@code
         * /files/**} and {@code /docs/{*rest}} also match {@code /files} and {@code /docs}.
         */
        static String[] prefixes(RequestMappingInfo info) {
            var paths = info.getPathPatternsCondition();
            if (paths == null || paths.getPatterns().isEmpty()) {
                return new String[] {""};
            }
            return paths.getPatterns().stream().map(PathPattern::getPatternString).map(Mapping::literalPrefix).toArray(String[]::new);
        }

        static String literalPrefix(String pattern) {
            int wildcard = pattern.length();
            for (char c : new char[] {'{', '*', '?'}) {
                int at = pattern.indexOf(c);
                if (at >= 0) {
                    wildcard = Math.min(wildcard, at);
                }
            }
            if (wildcard == pattern.length()) {
                return pattern;
            }
            return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', wildcard)));
        }
    }
}
