package cc.monitoring.systemtest;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link ProviderCommandsCrashIT}, step for step, on the Twilio path: the Twilio double holds the gateway's
 * Participants create in flight while telephony-gateway is killed with SIGKILL; after the restart the double has
 * exactly one participant labelled with the leg id (B29). Runs in a system under test started with
 * {@code -Dsystemtest.provider=twilio} (the pom's {@code twilio} failsafe execution); skipped otherwise.
 */
@EnabledIfSystemProperty(named = "systemtest.provider", matches = "twilio")
@DisplayName("Provider commands survive a SIGKILL of telephony-gateway, on Twilio (the double)")
class TwilioProviderCommandsCrashIT extends ProviderCommandsCrashIT {

    TwilioProviderCommandsCrashIT(Client client) {
        super(client);
    }
}
