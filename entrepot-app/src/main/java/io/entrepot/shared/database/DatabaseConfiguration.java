package io.entrepot.shared.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, io.entrepot.shared.ReferenceData referenceData) {
        return new ActorAwareTransactionManager(dataSource, referenceData);
    }
}
