package cc.monitoring.permission.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.permission.service.PermissionService;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static cc.monitoring.permission.api.Api.ext;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PermissionEventsTest {

    private final TopicReader kafka = new TopicReader(InfrastructureResource.kafkaBootstrapServers());

    @jakarta.inject.Inject
    PermissionService service;

    @Test
    void aUserChangePublishesTheFullEffectiveStateKeyedByTenantAndUser() {
        Api api = new Api();
        api.putUser("sam", "Supervisor", List.of(
                ext("Mobile", "PSTN", "+14155550101"), ext("Desk", "SIP", "sip:sam@pbx.example.com")));

        ConsumerRecord<String, String> record = kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                about(api.tenant, "sam", EventTypes.USER_PERMISSIONS_CHANGED, 1));
        assertEquals(Topics.userKey(api.tenant, "sam"), record.key());
        CloudEvent event = EventJson.read(record.value());
        assertEquals("1.0", event.specversion());
        assertEquals("/permission-service", event.source());
        assertEquals("sam", event.subject());
        assertEquals(api.tenant, event.tenantid());
        assertEquals(EventTypes.SCHEMA_VERSION, event.schemaversion());
        assertNotNull(event.time());
        assertEquals(event.id(), EventJson.read(record.value()).id());
        assertEquals(EventTypes.USER_PERMISSIONS_CHANGED, EventJson.read(record.value()).type());

        UserPermissionsChanged data = event.dataAs(UserPermissionsChanged.class);
        assertEquals(new UserPermissionsChanged(api.tenant, "sam", "Name of sam", "Supervisor",
                List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS"),
                List.of(new ExtensionData("Mobile", "PSTN", "+14155550101"),
                        new ExtensionData("Desk", "SIP", "sip:sam@pbx.example.com")),
                1), data);
    }

    @Test
    void aRoleEditRepublishesEveryUserHoldingTheRole() {
        Api api = new Api();
        String roleId = api.createRole("Monitor Only", "MONITOR_ALL_CALLS");
        api.putUser("m1", "Monitor Only", List.of());
        api.putUser("m2", "Monitor Only", List.of());
        api.putUser("other", "Agent", List.of());

        api.asAdmin().body(Map.of("permissions", List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS")))
                .put("/api/roles/{id}", roleId).then().statusCode(200);

        for (String holder : List.of("m1", "m2")) {
            UserPermissionsChanged data = EventJson.read(kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                    about(api.tenant, holder, EventTypes.USER_PERMISSIONS_CHANGED, 2)).value())
                    .dataAs(UserPermissionsChanged.class);
            assertEquals(List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), data.permissions());
            assertEquals("Monitor Only", data.role());
        }
        kafka.assertNoRecord(Topics.PERMISSION_EVENTS, about(api.tenant, "other", EventTypes.USER_PERMISSIONS_CHANGED, 2),
                java.time.Duration.ofSeconds(1));
    }

    @Test
    void aFirstSeenUserAndARemovedUserArePublishedToo() {
        Api api = new Api();
        api.as("newcomer", "Supervisor").get("/api/me").then().statusCode(200);
        UserPermissionsChanged first = EventJson.read(kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                about(api.tenant, "newcomer", EventTypes.USER_PERMISSIONS_CHANGED, 1)).value()).dataAs(UserPermissionsChanged.class);
        assertEquals("Supervisor", first.role());

        api.asAdmin().delete("/api/users/{s}", "newcomer").then().statusCode(204);
        UserRemoved removed = EventJson.read(kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                about(api.tenant, "newcomer", EventTypes.USER_REMOVED, 2)).value()).dataAs(UserRemoved.class);
        assertEquals(new UserRemoved(api.tenant, "newcomer", 2), removed);

        // B28 B06: created again, the user's revision goes on from the removal's, so that readers keeping a
        // tombstone at revision 2 take the new state instead of ignoring the user for ever
        api.putUser("newcomer", "Supervisor", List.of());
        UserPermissionsChanged again = EventJson.read(kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                about(api.tenant, "newcomer", EventTypes.USER_PERMISSIONS_CHANGED, 3)).value()).dataAs(UserPermissionsChanged.class);
        assertEquals(3, again.revision());
    }

    @Test
    void builtInRolesStoredBeforeANewPermissionAreUpgradedAndTheirHoldersRepublished() throws Exception {
        Api api = new Api();
        api.putUser("boss", "Administrator", List.of());
        api.putUser("sam", "Supervisor", List.of());
        // as an earlier version stored the tenant's Administrator: without VIEW_AUDIT
        storeAdministratorAs(api, List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS"));
        api.as("boss").get("/api/me").then().body("permissions", not(hasItem("VIEW_AUDIT")));

        assertTrue(service.upgradeBuiltInRoles() >= 1);

        assertAdministratorsRepublishedWithTheCurrentPermissions(api);
        kafka.assertNoRecord(Topics.PERMISSION_EVENTS, about(api.tenant, "sam", EventTypes.USER_PERMISSIONS_CHANGED, 2),
                java.time.Duration.ofSeconds(1));
        assertEquals(0, service.upgradeBuiltInRoles(), "up to date: nothing changes, nothing is published");
        kafka.assertNoRecord(Topics.PERMISSION_EVENTS, about(api.tenant, "boss", EventTypes.USER_PERMISSIONS_CHANGED, 3),
                java.time.Duration.ofSeconds(1));
    }

    @Test
    void B35_upgradeRemovesHandleConversationsFromAStoredAdministratorAndRepublishesItsHolders() throws Exception {
        Api api = new Api();
        api.putUser("boss", "Administrator", List.of());
        // as the previous version stored the tenant's Administrator: with the machine permission HANDLE_CONVERSATIONS
        storeAdministratorAs(api, List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS", "VIEW_AUDIT",
                "HANDLE_CONVERSATIONS"));
        api.as("boss").get("/api/me").then().body("permissions", hasItem("HANDLE_CONVERSATIONS"));

        assertTrue(service.upgradeBuiltInRoles() >= 1);

        assertAdministratorsRepublishedWithTheCurrentPermissions(api);
        api.as("boss").get("/api/me").then().body("permissions", not(hasItem("HANDLE_CONVERSATIONS")));
        api.asAdmin().get("/api/roles").then().statusCode(200)
                .body("find { it.name == 'Administrator' }.permissions", not(hasItem("HANDLE_CONVERSATIONS")));
    }

    private void assertAdministratorsRepublishedWithTheCurrentPermissions(Api api) {
        List<String> current = List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS", "VIEW_AUDIT",
                "REVIEW_TRANSCRIPTS");
        for (String holder : List.of(api.adminId, "boss")) {
            UserPermissionsChanged data = EventJson.read(kafka.awaitRecord(Topics.PERMISSION_EVENTS,
                    about(api.tenant, holder, EventTypes.USER_PERMISSIONS_CHANGED, 2)).value())
                    .dataAs(UserPermissionsChanged.class);
            assertEquals(current, data.permissions(), holder);
            assertEquals("Administrator", data.role());
        }
        api.as("boss").get("/api/me").then().body("permissions", contains(current.toArray()));
    }

    private static void storeAdministratorAs(Api api, List<String> permissions) throws java.sql.SQLException {
        assertEquals(1, sql("update permission.role set permissions = cast(? as jsonb) where tenant_id = ? and name_key = 'administrator'",
                "[\"" + String.join("\",\"", permissions) + "\"]", api.tenant));
    }

    @Test
    void refusedChangesPublishNothing() {
        Api api = new Api();
        api.putUser("sam", "Supervisor", List.of());
        api.asAdmin().body(Map.of("role", "Nope")).put("/api/users/{s}", "sam").then().statusCode(400);
        kafka.assertNoRecord(Topics.PERMISSION_EVENTS, about(api.tenant, "sam", EventTypes.USER_PERMISSIONS_CHANGED, 2),
                java.time.Duration.ofSeconds(1));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    private static int sql(String statement, String... parameters) throws java.sql.SQLException {
        cc.monitoring.testsupport.Database db = InfrastructureResource.database();
        java.util.Properties credentials = new java.util.Properties();
        if (db.username() != null) {
            credentials.setProperty("user", db.username());
        }
        if (db.password() != null) {
            credentials.setProperty("password", db.password());
        }
        try (java.sql.Connection connection = new org.postgresql.Driver().connect(db.jdbcUrl(), credentials);
             java.sql.PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setString(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static Predicate<ConsumerRecord<String, String>> about(String tenant, String user, String type, long revision) {
        return record -> {
            if (!Topics.userKey(tenant, user).equals(record.key())) {
                return false;
            }
            CloudEvent event = EventJson.read(record.value());
            return event.type().equals(type) && event.data().path("revision").asLong() == revision;
        };
    }
}
