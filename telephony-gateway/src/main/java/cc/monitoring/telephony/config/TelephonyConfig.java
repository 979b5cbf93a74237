package cc.monitoring.telephony.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Which telephony provider the gateway drives, and how. */
@ConfigMapping(prefix = "telephony")
public interface TelephonyConfig {

    /**
     * {@code simulated} (in-memory) or {@code twilio}. No default in a production build: a gateway that
     * silently ran the simulator would leave supervisors monitoring nothing. {@code %dev} and {@code %test}
     * default to simulated; use {@link ProviderKind#required} to read it.
     */
    Optional<ProviderKind> provider();

    /** Whether the gateway drives the built-in simulated network. */
    static boolean isSimulated(TelephonyConfig config) {
        return config.provider().orElse(null) == ProviderKind.simulated;
    }

    Simulator simulator();

    Twilio twilio();

    /** The durable provider commands (B29) and their worker. */
    Commands commands();

    enum ProviderKind {
        simulated, twilio;

        /** The configured provider; a clear start-up failure when none is configured. */
        public static ProviderKind required(Optional<ProviderKind> configured) {
            return configured.orElseThrow(() -> new IllegalStateException(
                    "No telephony provider configured: set TELEPHONY_PROVIDER (telephony.provider) to 'twilio' for"
                            + " the real phone network, or to 'simulated' for the built-in simulator (local stack,"
                            + " demos, system tests). A production build has no default."));
        }
    }

    interface Commands {
        /** Worker threads per instance performing provider commands (commands of one call stay in order). */
        @WithDefault("2")
        int workers();

        /** Attempts of a command the provider could not take (unavailable, throttled) before it is given up. */
        @WithDefault("6")
        int maxAttempts();

        /** Delay before the second attempt; it doubles per attempt, with jitter, up to {@link #maxRetryDelay}. */
        @WithDefault("500ms")
        Duration firstRetryDelay();

        @WithDefault("30s")
        Duration maxRetryDelay();

        /**
         * Safety net: how often an idle worker looks for due commands it was not woken for (another instance's
         * leftovers, retries). New commands wake the worker at once after their commit.
         */
        @WithDefault("5s")
        Duration pollInterval();
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
        @WithDefault("https://api.twilio.com")
        String apiBaseUrl();

        /**
         * Public base URL of this gateway as Twilio calls it (e.g. https://monitoring.example.com): the Voice
         * webhook's answer and the monitor legs name their status callbacks under it, and signatures are
         * checked over it. The request's own URL when absent (tests).
         */
        Optional<String> webhookBaseUrl();

        /** How long a monitor leg's extension rings before Twilio gives up (Participants create {@code Timeout}). */
        @WithDefault("30")
        int ringTimeoutSeconds();

        /** How long one request to Twilio's REST API may take before it counts as a (retryable) timeout. */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * One Twilio account (or subaccount) per tenant, keyed by tenant id:
         * {@code telephony.twilio.accounts.<tenant>.account-sid=AC...}. A callback's AccountSid picks the
         * tenant; nothing in a request names it.
         */
        Map<String, Account> accounts();

        interface Account {
            String accountSid();

            /** The auth token; prefer {@link #authTokenFile()} (a mounted secret). Never logged. */
            Optional<String> authToken();

            /** A file holding the auth token (e.g. a Kubernetes secret), read at start-up. */
            Optional<String> authTokenFile();

            /** The number monitor legs are dialed from (a number of this account). */
            Optional<String> callerId();

            /** The flow of a call to a number that {@link #flows()} does not name. */
            Optional<String> defaultFlow();

            /** The tenant's flow per called number ({@code To} of the Voice webhook), e.g. {@code "+15005550006"=support}. */
            Map<String, String> flows();
        }
    }
}
