package cc.monitoring.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies {@code deploy/demo-data.json} through permission-service's REST API, with a token of each
 * tenant's administrator (password grant): custom roles first (among them "Channel Platform" and
 * "Phone Simulator", which hold the machine permissions), then every demo user with role and ordered
 * extensions ({@code PUT /api/users/{subject}}, idempotent) — the machine identities too: an entry with a
 * {@code clientId} is that Keycloak client's service account, its subject the service-account user's fixed id.
 * Then proves it with {@code GET /api/me} as the proof user and a client-credentials token per machine identity.
 */
public final class DemoSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonNode data;
    private final String issuer;
    private final String permissionService;

    public DemoSeeder(Path demoData, String issuer, String permissionServiceUrl) {
        try {
            this.data = JSON.readTree(demoData.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + demoData + ": " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.permissionService = permissionServiceUrl;
    }

    /** The demo tenants' ids, in the order of the demo data. */
    public static java.util.List<String> tenants(Path demoData) {
        try {
            java.util.List<String> ids = new java.util.ArrayList<>();
            JSON.readTree(demoData.toFile()).path("tenants").forEach(t -> ids.add(t.path("tenant").asText()));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + demoData + ": " + e.getMessage(), e);
        }
    }

    public String clientId() {
        return data.path("clientId").asText("monitoring-console");
    }

    public String password() {
        return data.path("password").asText("demo");
    }

    /** Seeds every tenant; returns false (after printing why) when something was refused. */
    public boolean seed() {
        boolean ok = true;
        for (JsonNode tenant : data.path("tenants")) {
            String tenantId = tenant.path("tenant").asText();
            String admin = tenant.path("administrator").asText();
            String token = Oidc.passwordGrant(issuer, clientId(), admin, password());
            Set<String> existing = new HashSet<>();
            Response roles = call("GET", "/api/roles", token, null);
            if (roles.status == 200) {
                roles.json().forEach(r -> existing.add(r.path("name").asText()));
            } else {
                Console.line("  " + tenantId + ": GET /api/roles -> " + roles);
                ok = false;
            }
            for (JsonNode role : tenant.path("customRoles")) {
                String name = role.path("name").asText();
                if (existing.contains(name)) {
                    Console.line("  " + tenantId + ": role '" + name + "' exists");
                    continue;
                }
                Response r = call("POST", "/api/roles", token, role);
                if (r.status == 201 || r.status == 200 || r.status == 409) {
                    Console.line("  " + tenantId + ": role '" + name + "' " + (r.status == 409 ? "exists" : "created")
                            + " " + role.path("permissions"));
                } else {
                    Console.line("  " + tenantId + ": POST /api/roles '" + name + "' -> " + r);
                    ok = false;
                }
            }
            for (JsonNode user : tenant.path("users")) {
                ObjectNode body = JSON.createObjectNode();
                body.put("displayName", user.path("displayName").asText());
                body.put("role", user.path("role").asText());
                body.set("extensions", user.path("extensions"));
                String subject = user.path("subject").asText();
                Response r = call("PUT", "/api/users/" + URLEncoder.encode(subject, StandardCharsets.UTF_8), token, body);
                if (r.status == 200 || r.status == 201 || r.status == 204) {
                    Console.line(String.format("  %s: %-5s %-13s %d extension(s)", tenantId, user.path("username").asText(),
                            user.path("role").asText(), user.path("extensions").size()));
                } else {
                    Console.line("  " + tenantId + ": PUT /api/users/" + subject + " (" + user.path("username").asText()
                            + ") -> " + r);
                    ok = false;
                }
            }
        }
        return ok;
    }

    /**
     * Logs in as the proof user (sam), calls GET /api/me and prints claims, permissions and extensions; then gets a
     * client-credentials token for every machine identity and checks its {@code sub} and {@code tenant}.
     */
    public boolean proof() {
        return proofUser() & proofMachines();
    }

    private boolean proofMachines() {
        boolean ok = true;
        for (JsonNode tenant : data.path("tenants")) {
            for (JsonNode user : tenant.path("users")) {
                if (!user.hasNonNull("clientId")) {
                    continue;
                }
                String clientId = user.path("clientId").asText();
                try {
                    JsonNode claims = Oidc.claims(Oidc.clientCredentialsGrant(issuer, clientId,
                            user.path("clientSecret").asText()));
                    boolean right = user.path("subject").asText().equals(claims.path("sub").asText())
                            && tenant.path("tenant").asText().equals(claims.path("tenant").asText());
                    Console.line(String.format("  %-22s client credentials: sub=%s tenant=%s aud=%s%s", clientId,
                            claims.path("sub").asText(), claims.path("tenant").asText(), claims.path("aud"),
                            right ? "" : "  (expected sub " + user.path("subject").asText() + ")"));
                    ok &= right;
                } catch (RuntimeException e) {
                    Console.line("  " + clientId + ": " + e.getMessage());
                    ok = false;
                }
            }
        }
        return ok;
    }

    private boolean proofUser() {
        String user = data.path("proofUser").asText("sam");
        String token = Oidc.passwordGrant(issuer, clientId(), user, password());
        JsonNode claims = Oidc.claims(token);
        Console.line("  token of " + user + ": sub=" + claims.path("sub").asText() + " tenant=" + claims.path("tenant")
                + " groups=" + claims.path("groups") + " aud=" + claims.path("aud") + " iss=" + claims.path("iss").asText());
        Response me = call("GET", "/api/me", token, null);
        if (me.status != 200) {
            Console.line("  GET /api/me -> " + me);
            return false;
        }
        JsonNode m = me.json();
        Console.line("  GET /api/me as " + user + ": " + m.path("displayName").asText() + " (" + m.path("tenantId").asText()
                + "), role " + m.path("role").asText());
        Console.line("    permissions: " + m.path("permissions"));
        int i = 1;
        for (JsonNode e : m.path("extensions")) {
            Console.line(String.format("    extension %d: %-10s %-6s %s", i++, e.path("label").asText(),
                    e.path("kind").asText(), e.path("address").asText()));
        }
        return true;
    }

    /** Ready-to-copy curl commands (password grant, then /api/me). */
    public String curlExamples() {
        String user = data.path("proofUser").asText("sam");
        return String.join(System.lineSeparator(),
                "  TOKEN=$(curl -s -d grant_type=password -d client_id=" + clientId() + " -d username=" + user
                        + " -d password=" + password() + " \\",
                "    " + Oidc.tokenEndpoint(issuer) + " \\",
                "    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + permissionService + "/api/me");
    }

    private Response call(String method, String path, String token, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(permissionService + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }

    private record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createArrayNode();
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
        }
    }
}
