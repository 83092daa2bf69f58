package io.entrepot.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the Chromium journeys: a fresh headless browser per test, against the running application. */
@IntegrationTest
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    protected WebDriver browser;
    private Chromium chromium;

    @BeforeEach
    void startChromium() throws Exception {
        chromium = Chromium.start();
        browser = chromium.driver();
    }

    @AfterEach
    void quitChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
