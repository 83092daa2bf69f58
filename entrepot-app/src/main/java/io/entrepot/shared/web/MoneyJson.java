package io.entrepot.shared.web;

import io.entrepot.shared.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Money in API answers as {@code {"amount": 12.50, "currency": "EUR"}}: a decimal with the currency's
 * own number of decimals, the same shape as amounts elsewhere in the API.
 */
@Configuration(proxyBeanMethods = false)
class MoneyJson {

    @Bean
    JacksonModule moneyModule() {
        return new SimpleModule("entrepot-money").addSerializer(Money.class, new ValueSerializer<Money>() {
            @Override
            public void serialize(Money money, JsonGenerator gen, SerializationContext context) {
                gen.writeStartObject();
                gen.writeName("amount");
                gen.writeNumber(money.toDecimal());
                gen.writeStringProperty("currency", money.currency().code());
                gen.writeEndObject();
            }
        });
    }
}
