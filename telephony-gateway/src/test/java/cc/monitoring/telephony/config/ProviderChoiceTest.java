package cc.monitoring.telephony.config;

import cc.monitoring.telephony.config.TelephonyConfig.ProviderKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production has no silent simulator (B07): the provider is an explicit choice. Plain Java, no boot. */
class ProviderChoiceTest {

    @Test
    void B07_withoutAConfiguredProviderTheGatewayRefusesToStartNamingTheVariable() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> ProviderKind.required(Optional.empty()));
        assertTrue(refusal.getMessage().contains("TELEPHONY_PROVIDER"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("simulated") && refusal.getMessage().contains("twilio"));
        assertEquals(ProviderKind.twilio, ProviderKind.required(Optional.of(ProviderKind.twilio)));
    }

    @Test
    void B07_onlyDevAndTestDefaultToTheSimulator() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertEquals("${TELEPHONY_PROVIDER:}", properties.getProperty("telephony.provider"),
                "a production build has no default provider");
        assertEquals("${TELEPHONY_PROVIDER:simulated}", properties.getProperty("%dev.telephony.provider"));
        assertEquals("${TELEPHONY_PROVIDER:simulated}", properties.getProperty("%test.telephony.provider"));
    }
}
