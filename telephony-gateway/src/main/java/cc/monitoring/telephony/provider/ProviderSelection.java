package cc.monitoring.telephony.provider;

import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import cc.monitoring.telephony.provider.simulated.SimulatedProvider;
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
    TelephonyProvider provider(TelephonyConfig config, SimulatedNetwork network) {
        return switch (TelephonyConfig.ProviderKind.required(config.provider())) {
            case simulated -> new SimulatedProvider(network);
            case twilio -> new TwilioProvider(
                    config.twilio().accountSid().orElse(null),
                    config.twilio().authToken().orElse(null),
                    config.twilio().apiBaseUrl(),
                    config.twilio().callerId().orElse(null),
                    config.twilio().webhookBaseUrl().orElse(null),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        };
    }
}
