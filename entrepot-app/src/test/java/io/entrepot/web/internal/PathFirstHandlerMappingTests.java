package io.entrepot.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The path-first mapping finds the same handler as Spring MVC's own for every request, escaped or not. */
class PathFirstHandlerMappingTests {

    @RestController
    static class Endpoints {
        @PostMapping("/api/v1/storefront/{market}/quotes")
        void quote() {
        }

        @PostMapping("/api/v1/storefront/{market}/orders")
        void order() {
        }

        @GetMapping("/api/v1/storefront/quotes/{id}")
        void quoteById() {
        }

        @GetMapping("/api/v1/sell?r/{id}")
        void oneCharacterWildcard() {
        }

        @GetMapping("/files/**")
        void anything() {
        }

        @GetMapping("/docs/{*rest}")
        void captureRest() {
        }

        @GetMapping({"/a/b", "/c/{d}"})
        void twoPatterns() {
        }

        @GetMapping("/")
        void root() {
        }
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        var context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("endpoints", Endpoints.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static @Nullable String handler(HandlerMapping mapping, String method, String uri) throws Exception {
        HttpServletRequest request = new MockHttpServletRequest(method, uri);
        ServletRequestPathUtils.parseAndCache(request);
        var chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    @Test
    void findsWhatSpringMvcFindsForEscapedMatrixAndWildcardPaths() throws Exception {
        var plain = mapping(new RequestMappingHandlerMapping());
        var pathFirst = mapping(new PathFirstHandlerMapping.Mapping());
        List<String[]> requests = List.of(
                new String[] {"POST", "/api/v1/storefront/PH/quotes"},
                new String[] {"POST", "/api/v1/storefront/PH/orders"},
                new String[] {"POST", "/api/v1/%73torefront/PH/quotes"}, // an escaped literal segment
                new String[] {"POST", "/api/v1/storefront%2FPH/quotes"},
                new String[] {"POST", "/api/v1/storefront;v=1/PH/quotes"}, // matrix parameters in a literal segment
                new String[] {"POST", "/api;x=2/v1/storefront/PH/orders"},
                new String[] {"POST", "/api/v1/Storefront/PH/quotes"},
                new String[] {"POST", "/api/v1/storefront/PH/quotes/"},
                new String[] {"GET", "/api/v1/storefront/quotes/0198a"},
                new String[] {"GET", "/api/v1/seller/7"},
                new String[] {"GET", "/api/v1/sellxr/7"},
                new String[] {"GET", "/files/a/b/c"},
                new String[] {"GET", "/files"},
                new String[] {"GET", "/docs/x/y"},
                new String[] {"GET", "/docs"},
                new String[] {"GET", "/a/b"},
                new String[] {"GET", "/c/e"},
                new String[] {"GET", "/c/e/f"},
                new String[] {"GET", "/"},
                new String[] {"GET", "/nowhere"});
        int found = 0;
        for (String[] r : requests) {
            String expected = handler(plain, r[0], r[1]);
            assertThat(handler(pathFirst, r[0], r[1])).as(r[0] + " " + r[1]).isEqualTo(expected);
            found += expected == null ? 0 : 1;
        }
        // The comparison means something only if both kinds of answer occur, escaped paths among the found.
        assertThat(found).isBetween(10, requests.size() - 3);
        assertThat(handler(pathFirst, "POST", "/api/v1/%73torefront/PH/quotes")).isEqualTo("quote");
        assertThat(handler(pathFirst, "POST", "/api/v1/storefront;v=1/PH/quotes")).isEqualTo("quote");
    }

    @Test
    void everyMappingTheRegistryHandsBackHasItsLiteralStartsKept() {
        var pathFirst = (PathFirstHandlerMapping.Mapping) mapping(new PathFirstHandlerMapping.Mapping());
        var mappings = pathFirst.getHandlerMethods().keySet();
        assertThat(mappings).hasSize(8);
        // kept by the instance the registry hands back, so the look-up finds them without hashing the mappings' conditions
        for (var info : mappings) {
            assertThat(pathFirst.literalPrefixesOf(info)).as(info.toString())
                    .containsExactlyElementsOf(List.of(PathFirstHandlerMapping.Mapping.prefixes(info)));
        }
        var quotes = mappings.stream().filter(i -> i.getPatternValues().contains("/api/v1/storefront/{market}/quotes")).findFirst().orElseThrow();
        assertThat(pathFirst.literalPrefixesOf(quotes)).containsExactly("/api/v1/storefront");
    }

    @Test
    void aPatternsLiteralStartIsItsSegmentsBeforeTheFirstVariableOrWildcard() {
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix("/api/v1/storefront/{market}/quotes")).isEqualTo("/api/v1/storefront");
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix("/api/v1/sell?r/{id}")).isEqualTo("/api/v1");
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix("/files/**")).isEqualTo("/files");
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix("/{id}")).isEmpty();
        assertThat(PathFirstHandlerMapping.Mapping.literalPrefix("/a/b")).isEqualTo("/a/b");
    }
}
