package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The machine identities of a tenant (B07, B35): in production Keycloak service accounts (client-credentials
 * grant, {@code <tenant>-phone-simulator} and {@code <tenant>-channel-platform}); here users with a signed token
 * like any other, given a custom role by the tenant's administrator through permission-service. No built-in role
 * holds their permissions, so no person places calls or writes into conversations.
 */
final class Machines {

    /** Custom role of the phone simulator: drives the simulated phone network (place/hang up calls, dial failures). */
    static final String PHONE_SIMULATOR_ROLE = "Phone Simulator";
    /** Custom role of the channel platform: delivers the tenant's conversations. */
    static final String CHANNEL_PLATFORM_ROLE = "Channel Platform";

    private Machines() {
    }

    /** The tenant's phone simulator (not yet set up: see {@link #setUpPhoneSimulator}). */
    static User phoneSimulator(Client client, String tenant) {
        return client.user(tenant, "phone-simulator", "Phone Simulator");
    }

    /** The tenant's channel platform (not yet set up: see {@link #setUpChannelPlatform}). */
    static User channelPlatform(Client client, String tenant) {
        return client.user(tenant, "chat-platform", "Chat Platform");
    }

    /**
     * The administrator creates the role "Phone Simulator" ({@code OPERATE_SIMULATOR}) and gives it to the phone
     * simulator; returns once telephony-gateway answers the simulator (it learns permissions from permission-events).
     */
    static void setUpPhoneSimulator(User admin, User simulator) {
        role(admin, PHONE_SIMULATOR_ROLE, "OPERATE_SIMULATOR");
        put(admin, simulator, PHONE_SIMULATOR_ROLE, "OPERATE_SIMULATOR");
        Client.awaitStatus("telephony-gateway knows the phone simulator's OPERATE_SIMULATOR",
                () -> simulator.telephony().get("/api/telephony/calls"), 200);
    }

    /**
     * The administrator creates the role "Channel Platform" ({@code HANDLE_CONVERSATIONS}) and gives it to the channel
     * platform; returns once interaction-service knows it (an unknown conversation is 404 for it, no longer 403).
     */
    static void setUpChannelPlatform(User admin, User platform) {
        role(admin, CHANNEL_PLATFORM_ROLE, "HANDLE_CONVERSATIONS");
        put(admin, platform, CHANNEL_PLATFORM_ROLE, "HANDLE_CONVERSATIONS");
        Client.awaitStatus("interaction-service knows the channel platform's HANDLE_CONVERSATIONS",
                () -> platform.interaction().post("/api/conversations/" + java.util.UUID.randomUUID() + "/end",
                        Map.of("by", "AGENT")), 404).expectProblem(404, "interaction-not-found");
    }

    /** Creates a custom role (or finds it created by an earlier set-up of the same tenant). */
    static void role(User admin, String name, String... permissions) {
        Reply created = admin.permission().post("/api/roles", Map.of("name", name, "permissions", List.of(permissions)));
        if (created.status() == 409) {
            return;
        }
        JsonNode role = created.expectJson(201);
        assertEquals(List.of(permissions), Json.texts(role.path("permissions")), role.toString());
    }

    private static void put(User admin, User machine, String role, String permission) {
        Reply reply = admin.permission().put("/api/users/" + machine.id(),
                Map.of("displayName", machine.name(), "role", role, "extensions", List.of()));
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.request() + " -> " + reply.status() + " " + reply.body());
        assertEquals(List.of(permission), Json.texts(reply.json().path("permissions")), reply.body());
    }
}
