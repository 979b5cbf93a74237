package cc.monitoring.telephony.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which calls and monitor legs (B07), without Quarkus. */
class CallAccessTest {

    @Test
    void B07_anAgentSeesNoCallDetailsAtAll() {
        assertThrows(CallDetailsNotPermittedException.class, () -> CallAccess.of("agent-1", Set.of()));
        assertThrows(CallDetailsNotPermittedException.class,
                () -> CallAccess.of("agent-1", Set.of("BARGE_ALL_CALLS", "HANDLE_CONVERSATIONS", "MANAGE_USERS")));
    }

    @Test
    void B07_aMonitorSeesOnlyTheirOwnLegs() {
        CallAccess sam = CallAccess.of("sam", Set.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"));
        assertFalse(sam.allCalls(), "only calls with a leg of theirs");
        assertTrue(sam.showsLeg("sam"));
        assertFalse(sam.showsLeg("sue"));
        assertFalse(sam.showsLeg(null), "a leg without a known owner is for audit readers only");
    }

    @Test
    void B07_anAuditReaderSeesEveryLegAndTheSimulatorNone() {
        CallAccess auditor = CallAccess.of("ann", Set.of("VIEW_AUDIT"));
        assertTrue(auditor.allCalls());
        assertTrue(auditor.showsLeg("sue"));
        assertTrue(auditor.showsLeg(null));

        CallAccess simulator = CallAccess.of("phone-simulator", Set.of("OPERATE_SIMULATOR"));
        assertTrue(simulator.allCalls());
        assertFalse(simulator.showsLeg("sue"));
        assertFalse(simulator.showsLeg("phone-simulator"));
    }

    @Test
    void B07_permissionsAddUp() {
        CallAccess both = CallAccess.of("sam", Set.of("MONITOR_ALL_CALLS", "OPERATE_SIMULATOR"));
        assertTrue(both.allCalls());
        assertTrue(both.showsLeg("sam"));
        assertFalse(both.showsLeg("sue"));
    }

    @Test
    void B07_onlyTheSimulatorPermissionDrivesTheSimulator() {
        assertTrue(CallAccess.mayOperateSimulator(Set.of("OPERATE_SIMULATOR")));
        assertFalse(CallAccess.mayOperateSimulator(Set.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS",
                "MANAGE_USERS", "VIEW_AUDIT")), "not even the built-in Administrator");
    }
}
