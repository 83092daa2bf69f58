package io.entrepot.ordering.internal;

import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pauses at a named point so a crash test can kill the process there (RELIABILITY 3). Off unless
 * {@code entrepot.faults.pause-after-provider-capture} is set; never set it in production.
 */
@Component
public class FaultInjection {

    private static final Log log = LogFactory.getLog(FaultInjection.class);

    private final Duration pauseAfterCapture;

    FaultInjection(@Value("${entrepot.faults.pause-after-provider-capture:PT0S}") Duration pauseAfterCapture) {
        this.pauseAfterCapture = pauseAfterCapture;
    }

    public void afterProviderCapture(String key) {
        if (pauseAfterCapture.isZero()) {
            return;
        }
        log.warn("FAULT INJECTION: provider captured " + key + "; pausing " + pauseAfterCapture + " before recording it");
        try {
            Thread.sleep(pauseAfterCapture.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
