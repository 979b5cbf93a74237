package cc.monitoring.telephony.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Which telephony provider the gateway drives, and how. */
@ConfigMapping(prefix = "telephony")
public interface TelephonyConfig {

    /** {@code simulated} (the default, in-memory) or {@code twilio}. */
    @WithDefault("simulated")
    ProviderKind provider();

    Simulator simulator();

    Twilio twilio();

    /** Provider actions run after the commit that decided them, in order per call, on this many lanes. */
    @WithDefault("4")
    int dispatchLanes();

    enum ProviderKind {
        simulated, twilio
    }

    interface Simulator {
        /** How long a dialed extension rings before it answers (or is found busy). */
        @WithDefault("300ms")
        Duration answerDelay();

        /** How long an extension that does not answer rings before the dial fails with NO_ANSWER. */
        @WithDefault("3s")
        Duration noAnswerTimeout();
    }

    interface Twilio {
        Optional<String> accountSid();

        /** Signs the status callbacks (X-Twilio-Signature) and authenticates the API calls. */
        Optional<String> authToken();

        @WithDefault("https://api.twilio.com")
        String apiBaseUrl();

        /** The number monitor legs are dialed from. */
        Optional<String> callerId();

        /** Public base URL of this gateway as Twilio calls it; the request's own URL when absent. */
        Optional<String> webhookBaseUrl();
    }
}
