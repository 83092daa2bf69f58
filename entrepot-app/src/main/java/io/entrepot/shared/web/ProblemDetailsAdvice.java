package io.entrepot.shared.web;

import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.PayloadTooLargeException;
import io.entrepot.shared.Problems;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller becomes an RFC 9457 problem with a stable type: bad input is a 4xx
 * that says what was wrong, and an unexpected failure is a 500 that says nothing about internals.
 * Errors outside REST controllers (unknown routes, filters) reach the error endpoint instead.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, e.problemSlug(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> refused(io.entrepot.shared.RefusedException e) {
        return problem(Problems.of(HttpStatus.valueOf(e.status()), e.problemSlug(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> duplicate(DataIntegrityViolationException e) {
        // The constraint's message may name another tenant's values: say only what kind of clash it is.
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict",
                "the request conflicts with existing data or breaks a data rule"));
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidValue(IllegalArgumentException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "the request has invalid fields");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return problem(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-value",
                "'" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "your credentials do not allow this operation"));
    }

    @ExceptionHandler
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return problem(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "authentication is required"));
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; it has been logged"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "the request has invalid fields");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge.getMessage()));
            }
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "the request body is missing or is not valid JSON of the expected shape"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Method-parameter validation builds its problem without a type: treat it like "about:blank".
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            problem.setType(io.entrepot.shared.ProblemTypes.of(Problems.slugFor(status)));
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
