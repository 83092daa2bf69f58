package io.entrepot.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells whether a request reaches any controller. Unknown routes are let through security so they get
 * an honest 404 instead of a 401 that would hide the typo; every known route keeps its rules.
 */
@Component
@ConditionalOnWebApplication
class KnownRoutes {

    private final RequestMappingHandlerMapping mappings;

    KnownRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    boolean isUnknown(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return mappings.getHandler(request) == null;
        } catch (Exception e) {
            // Wrong method or media type for a known path: the path exists.
            return false;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
