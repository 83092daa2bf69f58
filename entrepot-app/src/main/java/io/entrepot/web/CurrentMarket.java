package io.entrepot.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The market a visitor shops in: the {@code market} parameter when it names an open market (remembered
 * in a cookie), else the remembered one, else the first open market.
 */
@Component
public class CurrentMarket {

    static final String COOKIE = "entrepot_market";

    private final ObjectProvider<MarketDirectory> directories;

    CurrentMarket(ObjectProvider<MarketDirectory> directories) {
        this.directories = directories;
    }

    public List<MarketChoice> open() {
        return directories.stream().flatMap(d -> d.openMarkets().stream()).toList();
    }

    public String of(HttpServletRequest request, HttpServletResponse response) {
        List<MarketChoice> open = open();
        String requested = request.getParameter("market");
        if (requested != null && open.stream().anyMatch(m -> m.code().equals(requested))) {
            var cookie = new Cookie(COOKIE, requested);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
            request.setAttribute(COOKIE, requested);
            return requested;
        }
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof String code) {
            return code;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && open.stream().anyMatch(m -> m.code().equals(cookie.getValue()))) {
                    return cookie.getValue();
                }
            }
        }
        return open.isEmpty() ? "" : open.getFirst().code();
    }
}
