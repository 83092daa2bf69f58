package io.entrepot.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What every page template needs besides its own data: the visitor's locale and market, who is signed
 * in, which areas they may enter, the CSRF token for forms, and translated text.
 */
public final class PageContext {

    private final MessageSource messages;
    private final Locale locale;
    private final Area area;
    private final String path;
    private final @Nullable String userName;
    private final List<Area> areas;
    private final String market;
    private final List<MarketChoice> markets;
    private final String csrfParameter;
    private final String csrfHeader;
    private final String csrfToken;

    public PageContext(MessageSource messages, Locale locale, Area area, String path, @Nullable String userName,
            List<Area> areas, String market, List<MarketChoice> markets, String csrfParameter, String csrfHeader,
            String csrfToken) {
        this.messages = messages;
        this.locale = locale;
        this.area = area;
        this.path = path;
        this.userName = userName;
        this.areas = List.copyOf(areas);
        this.market = market;
        this.markets = List.copyOf(markets);
        this.csrfParameter = csrfParameter;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
    }

    /** The translation of a message key in the visitor's locale. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String languageTag() {
        return locale.toLanguageTag();
    }

    public Locale locale() {
        return locale;
    }

    public Area area() {
        return area;
    }

    public String path() {
        return path;
    }

    public @Nullable String userName() {
        return userName;
    }

    public boolean signedIn() {
        return userName != null;
    }

    public boolean mayEnter(Area candidate) {
        return areas.contains(candidate);
    }

    public String market() {
        return market;
    }

    public List<MarketChoice> markets() {
        return markets;
    }

    public String csrfParameter() {
        return csrfParameter;
    }

    public String csrfHeader() {
        return csrfHeader;
    }

    public String csrfToken() {
        return csrfToken;
    }
}
