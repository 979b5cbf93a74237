package cc.monitoring.telephony.provider.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed with the
 * account's auth token, over the full URL Twilio called followed by every POST parameter, sorted
 * by name, as name and value with no separators.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** Compares in constant time; a missing signature is never valid. */
    public static boolean isValid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (authToken == null || authToken.isEmpty() || signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] expected = sign(authToken, url, params).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }
}
