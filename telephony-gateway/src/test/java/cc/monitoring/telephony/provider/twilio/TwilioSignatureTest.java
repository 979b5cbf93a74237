package cc.monitoring.telephony.provider.twilio;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwilioSignatureTest {

    /** The example of Twilio's request-validation documentation. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));

    @Test
    void reproducesTwiliosPublishedExample() {
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.sign("12345", URL, PARAMS));
        assertTrue(TwilioSignature.isValid("12345", URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Test
    void aChangedParameterUrlOrTokenOrNoSignatureIsRejected() {
        Map<String, List<String>> tampered = new java.util.HashMap<>(PARAMS);
        tampered.put("Digits", List.of("9999"));
        assertFalse(TwilioSignature.isValid("12345", URL, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertFalse(TwilioSignature.isValid("12345", URL + "&baz=3", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertFalse(TwilioSignature.isValid("54321", URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertFalse(TwilioSignature.isValid("12345", URL, PARAMS, null));
        assertFalse(TwilioSignature.isValid("12345", URL, PARAMS, ""));
    }
}
