package io.entrepot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every page text exists in every language, and every key the templates use exists. */
class MessageBundleTests {

    private static final List<String> BUNDLES = List.of("web", "identity", "seller", "market", "search", "catalog", "ordering", "ledger", "logistics", "reviews", "governance");
    private static final List<String> LOCALES = List.of("zh_CN");

    @Test
    void everyLocaleHasExactlyTheKeysOfEnglish() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> english = keys("i18n/" + bundle + ".properties");
            assertThat(english).as("bundle %s", bundle).isNotEmpty();
            for (String locale : LOCALES) {
                Set<String> translated = keys("i18n/" + bundle + "_" + locale + ".properties");
                assertThat(translated).as("keys of %s_%s", bundle, locale).containsExactlyInAnyOrderElementsOf(english);
            }
        }
    }

    @Test
    void everyLiteralKeyUsedByATemplateExists() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String bundle : BUNDLES) {
            all.addAll(keys("i18n/" + bundle + ".properties"));
        }
        Pattern literal = Pattern.compile("page\\.t\\(\"([a-z0-9.\\-_]+)\"\\s*[,)]");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                var matcher = literal.matcher(Files.readString(template));
                while (matcher.find()) {
                    assertThat(all).as("key used in %s", template).contains(matcher.group(1));
                }
            }
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
