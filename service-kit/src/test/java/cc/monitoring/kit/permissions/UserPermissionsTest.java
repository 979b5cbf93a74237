package cc.monitoring.kit.permissions;

import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The permission read model's value and its revision rule, without Quarkus. */
class UserPermissionsTest {

    @Test
    void B28_onlyAStrictlyNewerRevisionReplacesWhatIsStored() {
        assertTrue(UserPermissions.supersedes(1, null), "the first record of a user is stored");
        assertTrue(UserPermissions.supersedes(3, 2L));
        assertFalse(UserPermissions.supersedes(2, 2L), "a replay changes nothing");
        assertFalse(UserPermissions.supersedes(1, 2L), "a late older record changes nothing (nor resurrects a removed user)");
    }

    @Test
    void anUnknownOrRemovedUserHoldsNothing() {
        UserPermissions none = UserPermissions.none("t1", "u1");
        assertTrue(none.isEmpty());
        assertFalse(none.has(PermissionNames.MONITOR_ALL_CALLS));
        assertFalse(none.hasAny(PermissionNames.VIEW_AUDIT, PermissionNames.OPERATE_SIMULATOR));
        assertEquals(0, none.revision());
    }

    @Test
    void theValueIsImmutableAndReadsThePublishedState() {
        List<String> names = new ArrayList<>(Arrays.asList("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", null));
        List<ExtensionData> extensions = new ArrayList<>(List.of(new ExtensionData("Desk", "SIP", "sip:sam@pbx.example.com")));
        UserPermissions user = UserPermissions.of(new UserPermissionsChanged("t1", "u1", "Sam", "Supervisor", names,
                extensions, 7));
        names.add("VIEW_AUDIT");
        extensions.clear();

        assertEquals(Set.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), user.permissions());
        assertEquals("sip:sam@pbx.example.com", user.extensions().get(0).address());
        assertEquals(7, user.revision());
        assertEquals("Supervisor", user.role());
        assertTrue(user.has("BARGE_ALL_CALLS"));
        assertTrue(user.hasAny("VIEW_AUDIT", "MONITOR_ALL_CALLS"));
        assertFalse(user.isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> user.permissions().add("VIEW_AUDIT"));
        assertThrows(UnsupportedOperationException.class, () -> user.extensions().clear());
    }

    @Test
    void B28_aChangeTellsWhichPermissionsWereLostAndGained() {
        UserPermissions before = new UserPermissions("t1", "u1", "Sam", "Supervisor",
                Set.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), List.of(), 1);
        UserPermissions after = new UserPermissions("t1", "u1", "Sam", "Auditor",
                Set.of("MONITOR_ALL_CALLS", "VIEW_AUDIT"), List.of(), 2);
        PermissionsChanged change = new PermissionsChanged(before, after, false);
        assertTrue(change.lost("BARGE_ALL_CALLS"));
        assertFalse(change.lost("MONITOR_ALL_CALLS"));
        assertTrue(change.gained("VIEW_AUDIT"));
        assertFalse(change.gained("MONITOR_ALL_CALLS"));

        PermissionsChanged removal = new PermissionsChanged(after, UserPermissions.none("t1", "u1"), true);
        assertTrue(removal.lost("MONITOR_ALL_CALLS"));
        assertTrue(removal.removed());
    }
}
