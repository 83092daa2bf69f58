package io.entrepot.web.internal;

import io.entrepot.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends errors no controller handled (unknown routes, filter failures):
 * problem+json for API clients, an error page for browsers. Never a stack trace.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        HttpStatus status = status(request);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/") || !wantsHtml(request)) {
            var problem = Problems.of(status, Problems.slugFor(status), detail(status));
            problem.setInstance(java.net.URI.create(path.startsWith("/") ? path : "/"));
            response.setStatus(status.value());
            Problems.write(request, response, problem);
            return null;
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", switch (status) {
            case NOT_FOUND -> "error.not-found";
            case FORBIDDEN -> "error.forbidden";
            case UNAUTHORIZED -> "error.unauthenticated";
            case TOO_MANY_REQUESTS -> "error.rate-limited";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.internal";
        });
        return "web/error";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no resource exists at this path";
            case METHOD_NOT_ALLOWED -> "this path does not support the request method";
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not supported here; send application/json";
            case NOT_ACCEPTABLE -> "no representation matches the Accept header";
            default -> status.is5xxServerError() ? "an unexpected error occurred; it has been logged" : status.getReasonPhrase();
        };
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType());
    }
}
