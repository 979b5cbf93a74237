package cc.monitoring.benchmark;

import cc.monitoring.benchmark.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's own tenant: an administrator and M supervisors created in Keycloak through its admin
 * REST API (user attribute {@code tenant}, realm role), then given their role and an extension in
 * permission-service ({@code PUT /api/users/{keycloak-id}} as the tenant's administrator), and a flow
 * with silent monitoring on; and the tenant's phone simulator, which places and hangs up the calls: a
 * confidential Keycloak client {@code <tenant>-phone-simulator} with only the client-credentials grant (its
 * service account carries the {@code tenant} claim and the {@code monitoring-api} audience), given the custom
 * role "Phone Simulator" ({@code OPERATE_SIMULATOR}) in permission-service — no person's role may operate the
 * simulated phone network (B07). Idempotent: a second run reuses the users and the client.
 */
final class Setup {

    static final String REALM = "monitoring";
    static final String CLIENT = "monitoring-console";
    static final String PASSWORD = "bench-Pa55";

    record User(String username, String id, String displayName, String extension) {
    }

    private final Options o;

    Setup(Options o) {
        this.o = o;
    }

    String adminCliToken() {
        Answer a = Http.form(o.keycloak + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", o.keycloakAdmin, "password",
                o.keycloakAdminPassword));
        if (!a.ok()) {
            throw new IllegalStateException("Keycloak admin token (" + o.keycloakAdmin + "): " + a);
        }
        return a.json().path("access_token").asText();
    }

    String token(String username) {
        Answer a = Http.form(o.keycloak + "/realms/" + REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", CLIENT, "username", username, "password", PASSWORD));
        if (!a.ok()) {
            throw new IllegalStateException("token for " + username + ": " + a);
        }
        return a.json().path("access_token").asText();
    }

    /** Creates (or finds) a Keycloak user of the tenant with the realm role; returns its id (= token subject). */
    String ensureKeycloakUser(String kcAdmin, String username, String tenant, String realmRole, String first, String last) {
        String base = o.keycloak + "/admin/realms/" + REALM;
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("username", username);
        rep.put("enabled", true);
        rep.put("emailVerified", true);
        rep.put("firstName", first);
        rep.put("lastName", last);
        rep.put("email", username + "@" + tenant + ".example.com");
        rep.put("attributes", Map.of("tenant", List.of(tenant)));
        rep.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        Answer created = Http.post(base + "/users", kcAdmin, rep);
        if (!created.ok() && created.status() != 409) {
            throw new IllegalStateException("Keycloak: create user " + username + ": " + created);
        }
        Answer found = Http.get(base + "/users?exact=true&username=" + Http.enc(username), kcAdmin);
        if (!found.ok() || found.json().size() != 1) {
            throw new IllegalStateException("Keycloak: find user " + username + ": " + found);
        }
        String id = found.json().get(0).path("id").asText();
        if (created.status() == 409) { // an earlier run: make sure tenant and password are what we expect
            Map<String, Object> update = new LinkedHashMap<>(rep);
            update.remove("credentials");
            Http.put(base + "/users/" + id, kcAdmin, update);
            Http.put(base + "/users/" + id + "/reset-password", kcAdmin,
                    Map.of("type", "password", "value", PASSWORD, "temporary", false));
        }
        Answer role = Http.get(base + "/roles/" + Http.enc(realmRole), kcAdmin);
        if (!role.ok()) {
            throw new IllegalStateException("Keycloak: realm role " + realmRole + ": " + role);
        }
        Answer mapped = Http.post(base + "/users/" + id + "/role-mappings/realm", kcAdmin, List.of(role.json()));
        if (!mapped.ok()) {
            throw new IllegalStateException("Keycloak: give " + username + " the role " + realmRole + ": " + mapped);
        }
        return id;
    }

    /** The tenant's administrator and M supervisors, each with one SIP extension; returns the supervisors. */
    List<User> supervisors(String tenant, String adminUsername) {
        String kc = adminCliToken();
        ensureKeycloakUser(kc, adminUsername, tenant, "Administrator", "Bench", "Admin");
        List<User> sups = new ArrayList<>();
        for (int i = 1; i <= o.supervisors; i++) {
            String username = tenant + "-sup-" + i;
            String id = ensureKeycloakUser(kc, username, tenant, "Supervisor", "Bench", "Supervisor " + i);
            sups.add(new User(username, id, "Bench Supervisor " + i, "sip:" + username + "@" + tenant + ".example.com"));
        }
        String admin = token(adminUsername);
        Answer me = Http.get(o.permissionService + "/api/me", admin); // provisions the administrator from the token's groups
        if (!me.ok() || !me.json().path("permissions").toString().contains("MANAGE_USERS")) {
            throw new IllegalStateException("permission-service: " + adminUsername + " is not an administrator of "
                    + tenant + ": " + me);
        }
        for (User s : sups) {
            Map<String, Object> body = Map.of("displayName", s.displayName(), "role", "Supervisor", "extensions",
                    List.of(Map.of("label", "Desk phone", "kind", "SIP", "address", s.extension())));
            Answer put = Http.put(o.permissionService + "/api/users/" + s.id(), admin, body);
            if (!put.ok()) {
                throw new IllegalStateException("permission-service: PUT /api/users/" + s.id() + " (" + s.username() + "): " + put);
            }
        }
        return sups;
    }

    /** Flow with silent monitoring on; waits until interaction-service knows the administrator's permissions. */
    void flow(String adminToken, String flowId) {
        Answer a = retry(() -> Http.put(o.interactionService + "/api/flows/" + flowId, adminToken,
                Map.of("name", "Benchmark " + flowId, "silentMonitoring", true)), Duration.ofSeconds(60));
        if (!a.ok()) {
            throw new IllegalStateException("interaction-service: PUT /api/flows/" + flowId + ": " + a);
        }
    }

    /** Waits until monitoring-service has a supervisor's permissions and extension (permission-events). */
    void awaitKnownToMonitoring(String token, User s) {
        Instant end = Instant.now().plusSeconds(60);
        Answer a = null;
        while (Instant.now().isBefore(end)) {
            a = Http.get(o.monitoringService + "/api/monitoring/me", token);
            JsonNode me = a.json();
            if (a.ok() && me.path("permissions").toString().contains("MONITOR_ALL_CALLS")
                    && me.path("extensions").size() > 0) {
                return;
            }
            Benchmark.sleep(250);
        }
        throw new IllegalStateException("monitoring-service does not know " + s.username() + " after 60 s: " + a);
    }

    /**
     * The tenant's phone simulator: creates (or finds) the Keycloak client {@code <tenant>-phone-simulator}, gives its
     * service account the custom role "Phone Simulator" (OPERATE_SIMULATOR) through permission-service as the
     * administrator, and returns a client-credentials token once telephony-gateway answers it.
     */
    String phoneSimulatorToken(String tenant, String adminToken) {
        String kc = adminCliToken();
        String base = o.keycloak + "/admin/realms/" + REALM;
        String clientId = tenant + "-phone-simulator";
        String secret = clientId + "-bench-secret";
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", true);
        client.put("fullScopeAllowed", false);
        client.put("protocolMappers", List.of(
                Map.of("name", "tenant", "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                        "config", Map.of("claim.name", "tenant", "claim.value", tenant, "jsonType.label", "String",
                                "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false")),
                Map.of("name", "audience monitoring-api", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "monitoring-api", "access.token.claim", "true",
                                "id.token.claim", "false"))));
        Answer created = Http.post(base + "/clients", kc, client);
        if (!created.ok() && created.status() != 409) {
            throw new IllegalStateException("Keycloak: create client " + clientId + ": " + created);
        }
        Answer found = Http.get(base + "/clients?clientId=" + Http.enc(clientId), kc);
        if (!found.ok() || found.json().size() != 1) {
            throw new IllegalStateException("Keycloak: find client " + clientId + ": " + found);
        }
        String internalId = found.json().get(0).path("id").asText();
        Answer account = Http.get(base + "/clients/" + internalId + "/service-account-user", kc);
        if (!account.ok()) {
            throw new IllegalStateException("Keycloak: service account of " + clientId + ": " + account);
        }
        String subject = account.json().path("id").asText();

        Answer role = Http.post(o.permissionService + "/api/roles", adminToken,
                Map.of("name", "Phone Simulator", "permissions", List.of("OPERATE_SIMULATOR")));
        if (!role.ok() && role.status() != 409) {
            throw new IllegalStateException("permission-service: POST /api/roles Phone Simulator: " + role);
        }
        Answer put = Http.put(o.permissionService + "/api/users/" + subject, adminToken,
                Map.of("displayName", "Phone simulator (" + tenant + ")", "role", "Phone Simulator", "extensions", List.of()));
        if (!put.ok()) {
            throw new IllegalStateException("permission-service: PUT /api/users/" + subject + " (" + clientId + "): " + put);
        }
        Answer token = Http.form(o.keycloak + "/realms/" + REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        if (!token.ok()) {
            throw new IllegalStateException("token for " + clientId + ": " + token);
        }
        String simulator = token.json().path("access_token").asText();
        Answer known = retry(() -> Http.get(o.telephonyGateway + "/api/telephony/calls?size=1", simulator), Duration.ofSeconds(60));
        if (!known.ok()) {
            throw new IllegalStateException("telephony-gateway does not accept the phone simulator: " + known);
        }
        return simulator;
    }

    private static Answer retry(java.util.function.Supplier<Answer> call, Duration max) {
        Instant end = Instant.now().plus(max);
        Answer a = call.get();
        while (a.status() == 403 && Instant.now().isBefore(end)) {
            Benchmark.sleep(250);
            a = call.get();
        }
        return a;
    }
}
