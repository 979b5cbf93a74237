package cc.monitoring.telephony.provider;

import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import cc.monitoring.telephony.provider.simulated.SimulatedProvider;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts;
import cc.monitoring.telephony.provider.twilio.TwilioApi;
import cc.monitoring.telephony.provider.twilio.TwilioProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Picks the provider by {@code telephony.provider}: the simulated network or Twilio. The provider is made
 * at start-up (the gateway listens to it then), so a production build without {@code TELEPHONY_PROVIDER}
 * fails to start, naming the variable.
 */
@ApplicationScoped
public class ProviderSelection {

    private static final int SIMULATOR_LANES = 4;

    @Produces
    @Singleton
    SimulatedNetwork simulatedNetwork(TelephonyConfig config) {
        return new SimulatedNetwork(config.simulator().answerDelay(), config.simulator().noAnswerTimeout(), SIMULATOR_LANES);
    }

    void close(@Disposes SimulatedNetwork network) {
        network.close();
    }

    @Produces
    @Singleton
    TelephonyProvider provider(TelephonyConfig config, SimulatedNetwork network, TwilioAccounts accounts,
                                TwilioApi api) {
        return switch (TelephonyConfig.ProviderKind.required(config.provider())) {
            case simulated -> new SimulatedProvider(network);
            case twilio -> new TwilioProvider(accounts, api, config.twilio().webhookBaseUrl().orElse(null),
                    config.twilio().ringTimeoutSeconds());
        };
    }

    /** The tenants' Twilio accounts; callbacks are accepted only when the provider is twilio. */
    @Produces
    @Singleton
    TwilioAccounts twilioAccounts(TelephonyConfig config) {
        return TwilioAccounts.of(config.twilio());
    }

    @Produces
    @Singleton
    TwilioApi twilioApi(TelephonyConfig config) {
        return new TwilioApi(config.twilio().apiBaseUrl(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), config.twilio().requestTimeout());
    }
}
