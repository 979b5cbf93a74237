package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The double signs as Twilio does. The expected value is the one of Twilio's request-validation
 * documentation, the same the gateway's TwilioSignatureTest checks its verifying side against, so both
 * sides agree with Twilio and with each other.
 */
class TwilioRequestSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));

    @Test
    void signsTwiliosPublishedExample() {
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioRequestSignature.sign("12345", URL, PARAMS));
    }

    @Test
    void theSignatureCoversTheUrlEveryParameterAndTheToken() {
        String signature = TwilioRequestSignature.sign("12345", URL, PARAMS);
        Map<String, List<String>> tampered = new java.util.HashMap<>(PARAMS);
        tampered.put("Digits", List.of("9999"));
        assertNotEquals(signature, TwilioRequestSignature.sign("12345", URL, tampered));
        assertNotEquals(signature, TwilioRequestSignature.sign("12345", URL + "&baz=3", PARAMS));
        assertNotEquals(signature, TwilioRequestSignature.sign("54321", URL, PARAMS));
    }

    @Test
    void repeatedParametersAreSignedInValueOrder() {
        Map<String, List<String>> one = Map.of("StatusCallbackEvent", List.of("ringing", "answered"));
        Map<String, List<String>> other = Map.of("StatusCallbackEvent", List.of("answered", "ringing"));
        assertEquals(TwilioRequestSignature.sign("t", "http://x/y", one), TwilioRequestSignature.sign("t", "http://x/y", other));
    }
}
