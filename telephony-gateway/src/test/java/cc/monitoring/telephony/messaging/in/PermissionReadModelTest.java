package cc.monitoring.telephony.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.kit.permissions.PermissionsChanged;
import cc.monitoring.kit.permissions.UserPermissions;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * service-kit's permission read model, as the gateway uses it: fed by the real permission-events topic
 * into the gateway's own table, revision-guarded, with tombstones, announcing each stored change.
 */
@QuarkusTest
class PermissionReadModelTest {

    private static final TopicWriter WRITER = TopicWriter.forTestBroker();

    @Inject
    PermissionReadModel permissions;

    @Inject
    Changes changes;

    /** Records every PermissionsChanged the read model fires (read through a method: this is a client proxy). */
    @ApplicationScoped
    static class Changes {
        private final List<PermissionsChanged> seen = new CopyOnWriteArrayList<>();

        void on(@Observes PermissionsChanged change) {
            seen.add(change);
        }

        List<PermissionsChanged> seen() {
            return List.copyOf(seen);
        }
    }

    @Test
    void B28_theNewestRevisionWinsAndEveryStoredChangeIsAnnounced() {
        Tenant tenant = new Tenant();
        changed(tenant, "sam", 2, "Supervisor", "MONITOR_ALL_CALLS", "BARGE_ALL_CALLS");
        tenant.awaitRevision("sam", 2);
        changed(tenant, "sam", 1, "Administrator", "MONITOR_ALL_CALLS", "VIEW_AUDIT"); // late, older
        changed(tenant, "sam", 3, "Supervisor", "MONITOR_ALL_CALLS");                  // barge revoked
        tenant.awaitRevision("sam", 3);

        UserPermissions sam = permissions.permissionsOf(tenant.id, "sam");
        assertEquals(Set.of("MONITOR_ALL_CALLS"), sam.permissions());
        assertEquals("Supervisor", sam.role());
        assertEquals("User sam", sam.displayName());
        assertEquals(List.of(new ExtensionData("Desk", "SIP", "sip:sam@pbx.example.com")), sam.extensions());
        List<PermissionsChanged> mine = changesOf(tenant, "sam");
        assertEquals(List.of(2L, 3L), mine.stream().map(c -> c.after().revision()).toList(), "the older record changed nothing");
        assertTrue(mine.get(0).gained("BARGE_ALL_CALLS"));
        assertTrue(mine.get(1).lost("BARGE_ALL_CALLS"));
        assertFalse(mine.get(1).lost("MONITOR_ALL_CALLS"));
    }

    @Test
    void B28_aRemovedUserHoldsNothingAndALateOlderRecordCannotBringThemBack() {
        Tenant tenant = new Tenant();
        changed(tenant, "sam", 1, "Supervisor", "MONITOR_ALL_CALLS");
        tenant.awaitRevision("sam", 1);
        send(tenant, "sam", CloudEvent.of(EventTypes.USER_REMOVED, "/permission-service", tenant.id, "sam",
                new UserRemoved(tenant.id, "sam", 2)));
        await().atMost(Tenant.WAIT).until(() -> changesOf(tenant, "sam").size() == 2);
        assertTrue(permissions.permissionsOf(tenant.id, "sam").isEmpty());
        PermissionsChanged removal = changesOf(tenant, "sam").get(1);
        assertTrue(removal.removed());
        assertTrue(removal.lost("MONITOR_ALL_CALLS"));

        changed(tenant, "sam", 1, "Supervisor", "MONITOR_ALL_CALLS"); // replayed from before the removal
        changed(tenant, "sam", 3, "Agent");                            // created again later: newer, so it counts
        tenant.awaitRevision("sam", 3);

        assertEquals("Agent", permissions.permissionsOf(tenant.id, "sam").role());
        assertEquals(List.of(1L, 2L, 3L), changesOf(tenant, "sam").stream().map(c -> c.removed() ? 2L : c.after().revision())
                .toList(), "records of one user are applied in order; the replay in between brought nobody back");
    }

    @Test
    void B06_aRecordWhoseTenantsDisagreeIsParkedAndGrantsNothing() {
        Tenant tenant = new Tenant();
        Tenant victim = new Tenant();
        CloudEvent forged = CloudEvent.of(EventTypes.USER_PERMISSIONS_CHANGED, "/permission-service", tenant.id, "mallory",
                new UserPermissionsChanged(victim.id, "mallory", "Mallory", "Administrator", List.of("VIEW_AUDIT"),
                        List.of(), 1));
        send(tenant, "mallory", forged);

        tenant.kafka.awaitRecord(Topics.deadLetter(Topics.PERMISSION_EVENTS), r -> r.value().contains(forged.id()), Tenant.WAIT);
        assertTrue(permissions.permissionsOf(victim.id, "mallory").isEmpty());
        assertTrue(permissions.permissionsOf(tenant.id, "mallory").isEmpty());
    }

    @Test
    void anotherTenantsUserIsUnknown() {
        Tenant tenant = new Tenant();
        changed(tenant, "sam", 1, "Supervisor", "MONITOR_ALL_CALLS");
        tenant.awaitRevision("sam", 1);
        assertTrue(permissions.permissionsOf(new Tenant().id, "sam").isEmpty());
    }

    private List<PermissionsChanged> changesOf(Tenant tenant, String userId) {
        return changes.seen().stream().filter(c -> c.after().tenantId().equals(tenant.id) && c.after().userId().equals(userId))
                .toList();
    }

    private static void changed(Tenant tenant, String userId, long revision, String role, String... names) {
        send(tenant, userId, CloudEvent.of(EventTypes.USER_PERMISSIONS_CHANGED, "/permission-service", tenant.id, userId,
                new UserPermissionsChanged(tenant.id, userId, "User " + userId, role, List.of(names),
                        List.of(new ExtensionData("Desk", "SIP", "sip:" + userId + "@pbx.example.com")), revision)));
    }

    private static void send(Tenant tenant, String userId, CloudEvent event) {
        WRITER.send(Topics.PERMISSION_EVENTS, Topics.userKey(tenant.id, userId), EventJson.write(event));
    }
}
