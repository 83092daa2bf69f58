package io.entrepot.shared;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with Entrepot's stable types, and writes them where no controller is
 * involved (security filters, the error endpoint). Never includes stack traces or internal messages.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** The problem slug used when nothing more specific is known, e.g. {@code not-found} for 404. */
    public static String slugFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case UNPROCESSABLE_CONTENT -> "unprocessable";
            case TOO_MANY_REQUESTS -> "rate-limited";
            default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
        };
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), toMap(problem, request.getRequestURI()));
    }

    static Map<String, Object> toMap(ProblemDetail problem, @Nullable String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        URI type = problem.getType();
        body.put("type", type.toString());
        if (problem.getTitle() != null) {
            body.put("title", problem.getTitle());
        }
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        URI problemInstance = problem.getInstance();
        if (problemInstance != null) {
            body.put("instance", problemInstance.toString());
        } else if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
