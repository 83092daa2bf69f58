package io.entrepot.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Requests are served by a few threads per core; more at once wait their turn (decisions 0034 and 0036). */
@IntegrationTest
class RequestThreadsIntegrationTests {

    @Autowired
    WebServerApplicationContext context;
    @LocalServerPort
    int port;

    @Test
    void twoThreadsPerCoreServeRequestsAndMoreRequestsAtOnceAreAllAnswered() {
        var protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler();
        int threads = RequestThreads.forCores(Runtime.getRuntime().availableProcessors());
        assertThat(protocol.getMaxThreads()).isEqualTo(threads).isLessThan(200);
        assertThat(protocol.getMinSpareThreads()).isLessThanOrEqualTo(threads);

        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 3 * threads; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/storefront/PH/products?q=lamp")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList()).hasSize(3 * threads).containsOnly(200);
    }

    @Test
    void aThreadLimitSetByTheOperatorIsLeftAsSet() {
        assertThat(RequestThreads.forCores(1)).isEqualTo(4);
        assertThat(RequestThreads.forCores(2)).isEqualTo(4);
        assertThat(RequestThreads.forCores(16)).isEqualTo(32);
        var configured = new RequestThreads().requestThreadsPerCore(new MockEnvironment().withProperty(RequestThreads.PROPERTY, "300"));
        assertThat(((RequestThreads.Customizer) configured).threads()).isZero();
        var unset = new RequestThreads().requestThreadsPerCore(new MockEnvironment());
        assertThat(((RequestThreads.Customizer) unset).threads()).isEqualTo(RequestThreads.forCores(Runtime.getRuntime().availableProcessors()));
    }
}
