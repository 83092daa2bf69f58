package io.entrepot.identity.internal;

import io.entrepot.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as problem details, with the Bearer challenge. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"entrepot\"");
        Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "send a valid API key as 'Authorization: Bearer <key>'"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "this API key's scope does not allow this operation"));
    }
}
