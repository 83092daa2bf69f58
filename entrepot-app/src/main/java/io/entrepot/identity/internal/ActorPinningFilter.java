package io.entrepot.identity.internal;

import io.entrepot.shared.ActorContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the request's actor once security has decided who it is, before any controller opens a
 * transaction, and pins it for the rest of the request, so every transaction carries it.
 */
final class ActorPinningFilter extends OncePerRequestFilter {

    /** Error pages and async dispatches run controllers too, after the original request's pin is gone. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var actor = ActorContext.fromAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            ActorContext.callAsChecked(actor, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
