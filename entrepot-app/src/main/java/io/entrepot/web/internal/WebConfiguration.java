package io.entrepot.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PageContextInterceptor pageContext;

    WebConfiguration(PageContextInterceptor pageContext) {
        this.pageContext = pageContext;
    }

    /** Languages the pages are translated into; the first is the fallback. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("entrepot_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            return SUPPORTED.stream()
                    .filter(s -> s.getLanguage().equals(requested.getLanguage()))
                    .findFirst()
                    .orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(pageContext);
    }
}
