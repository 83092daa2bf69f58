package io.entrepot.web.internal;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Requests are served by at most two threads per core (at least four), unless {@code server.tomcat.threads.max}
 * says otherwise; requests beyond them wait for a thread in the order they came (decisions 0034 and 0036). Tomcat's
 * own default, 200 threads, lets every request in at once: on a machine of two cores a burst of arrivals then shared
 * the cores among all of them, so all of them were slow, and PostgreSQL's CPU per order rose with the number of
 * its busy sessions: at sixteen clients the throughput fell below the peak at eight. With a few threads the
 * others queue, first come first served, and the throughput holds (docs/benchmarks.md, sixteenth session); with
 * two per core rather than four the tail of a burst is shorter still (eighteenth session).
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

    static final String PROPERTY = "server.tomcat.threads.max";

    /** The threads for this many cores. */
    static int forCores(int cores) {
        return Math.max(4, 2 * cores);
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestThreadsPerCore(Environment environment) {
        return new Customizer(environment.containsProperty(PROPERTY) ? 0 : forCores(Runtime.getRuntime().availableProcessors()));
    }

    /** Sets the connector's thread limit after Spring Boot's own customizer has applied the properties (0: leave it). */
    record Customizer(int threads) implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            if (threads == 0) {
                return;
            }
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                    protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), threads));
                    protocol.setMaxThreads(threads);
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
