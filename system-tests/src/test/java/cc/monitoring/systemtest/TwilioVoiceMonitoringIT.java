package cc.monitoring.systemtest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The voice-monitoring story of {@link VoiceMonitoringIT}, step for step, on the Twilio path: telephony-gateway
 * runs its Twilio adapter against the Twilio double, calls enter through the Voice webhook and the router
 * connects the agent, monitor legs are conference participants whose state comes from Twilio's signed callbacks,
 * and coaching is checked on the double's audio routing (B50). Runs in a system under test started with
 * {@code -Dsystemtest.provider=twilio} (the pom's {@code twilio} failsafe execution); skipped otherwise.
 */
@EnabledIfSystemProperty(named = "systemtest.provider", matches = "twilio")
@DisplayName("Voice monitoring across the services, on Twilio (the double)")
class TwilioVoiceMonitoringIT extends VoiceMonitoringIT {

    TwilioVoiceMonitoringIT(Client client) {
        super(client);
    }
}
