package cc.monitoring.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tokens from the identity provider (demo and tests only): people by the password grant, machine identities (the
 * channel platform's and the phone simulator's service accounts) by the client-credentials grant.
 */
public final class Oidc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Oidc() {
    }

    public static String tokenEndpoint(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }

    /** An access token for {@code username}, e.g. {@code passwordGrant(issuer, "monitoring-console", "sam", "demo")}. */
    public static String passwordGrant(String issuer, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return token(issuer, form, username);
    }

    /**
     * An access token for a confidential client's service account, e.g.
     * {@code clientCredentialsGrant(issuer, "acme-phone-simulator", secret)}: its {@code sub} is the service-account
     * user's id, its {@code tenant} claim hardcoded per client.
     */
    public static String clientCredentialsGrant(String issuer, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return token(issuer, form, clientId);
    }

    private static String token(String issuer, Map<String, String> form, String username) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(tokenEndpoint(issuer)))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("token for " + username + ": HTTP " + resp.statusCode() + " " + resp.body());
            }
            return JSON.readTree(resp.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token for " + username + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The (unverified) claims of a JWT, for display. */
    public static JsonNode claims(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
