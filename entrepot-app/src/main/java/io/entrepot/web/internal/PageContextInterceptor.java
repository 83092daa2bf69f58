package io.entrepot.web.internal;

import io.entrepot.web.Area;
import io.entrepot.web.MarketChoice;
import io.entrepot.web.CurrentMarket;
import io.entrepot.web.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Adds the {@link PageContext} the layout needs to every rendered page (not to REST responses). */
@Component
class PageContextInterceptor implements HandlerInterceptor {

    private final MessageSource messages;
    private final CurrentMarket markets;

    PageContextInterceptor(MessageSource messages, CurrentMarket markets) {
        this.messages = messages;
        this.markets = markets;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView view) {
        if (view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:")
                && !view.getModel().containsKey("page")) {
            view.addObject("page", build(request, response));
        }
    }

    PageContext build(HttpServletRequest request, HttpServletResponse response) {
        Locale requested = RequestContextUtils.getLocale(request);
        Locale locale = WebConfiguration.SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(requested.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
        List<MarketChoice> open = markets.open();
        String market = markets.of(request, response);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal());
        List<Area> areas = new ArrayList<>(List.of(Area.STORE));
        if (signedIn) {
            List<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            if (authorities.contains("ROLE_SELLER")) {
                areas.add(Area.SELLER);
            }
            if (authorities.contains("ROLE_STAFF")) {
                areas.add(Area.CONSOLE);
            }
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI();
        return new PageContext(messages, locale, areaOf(path), path, signedIn ? auth.getName() : null, areas,
                market, open, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(), csrf == null ? "" : csrf.getToken());
    }

    static Area areaOf(String path) {
        if (path.startsWith("/console")) {
            return Area.CONSOLE;
        }
        if (path.startsWith("/seller")) {
            return Area.SELLER;
        }
        return Area.STORE;
    }
}
