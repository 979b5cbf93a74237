package cc.monitoring.permission.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cc.monitoring.permission.domain.Permission.BARGE_ALL_CALLS;
import static cc.monitoring.permission.domain.Permission.COACH_CALLS;
import static cc.monitoring.permission.domain.Permission.HANDLE_CONVERSATIONS;
import static cc.monitoring.permission.domain.Permission.MANAGE_USERS;
import static cc.monitoring.permission.domain.Permission.MONITOR_ALL_CALLS;
import static cc.monitoring.permission.domain.Permission.OPERATE_SIMULATOR;
import static cc.monitoring.permission.domain.Permission.REVIEW_TRANSCRIPTS;
import static cc.monitoring.permission.domain.Permission.VIEW_AUDIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: the rules are plain Java and the test simply calls them. */
class PermissionRulesTest {

    @Test
    @DisplayName("B01 Administrator and Supervisor grant MONITOR_ALL_CALLS, Agent does not")
    void B01_builtInRolesGrantMonitoringToAdministratorAndSupervisorOnly() {
        assertTrue(Role.builtIn(BuiltInRole.Administrator).grants(MONITOR_ALL_CALLS));
        assertTrue(Role.builtIn(BuiltInRole.Supervisor).grants(MONITOR_ALL_CALLS));
        assertFalse(Role.builtIn(BuiltInRole.Agent).grants(MONITOR_ALL_CALLS));
        assertEquals(Set.of(MONITOR_ALL_CALLS, BARGE_ALL_CALLS, COACH_CALLS, MANAGE_USERS, VIEW_AUDIT, REVIEW_TRANSCRIPTS),
                BuiltInRole.Administrator.permissions());
        assertEquals(Set.of(MONITOR_ALL_CALLS, BARGE_ALL_CALLS, COACH_CALLS), BuiltInRole.Supervisor.permissions());
        assertTrue(BuiltInRole.Agent.permissions().isEmpty());
    }

    @Test
    @DisplayName("B34 The built-in Administrator may review ended monitored transcripts; Supervisor and Agent may not")
    void B34_onlyTheBuiltInAdministratorHoldsReviewTranscripts() {
        assertTrue(Role.builtIn(BuiltInRole.Administrator).grants(REVIEW_TRANSCRIPTS));
        assertFalse(Role.builtIn(BuiltInRole.Supervisor).grants(REVIEW_TRANSCRIPTS));
        assertFalse(Role.builtIn(BuiltInRole.Agent).grants(REVIEW_TRANSCRIPTS));
        assertFalse(REVIEW_TRANSCRIPTS.isMachine());
        assertTrue(Role.custom("Quality", Permission.parseAll(List.of("review_transcripts"))).grants(REVIEW_TRANSCRIPTS));
    }

    @Test
    @DisplayName("B35 No built-in role holds a machine permission (HANDLE_CONVERSATIONS, OPERATE_SIMULATOR)")
    void B35_noBuiltInRoleHoldsMachinePermissions() {
        assertEquals(Set.of(HANDLE_CONVERSATIONS, OPERATE_SIMULATOR), Permission.machine());
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            for (Permission machine : Permission.machine()) {
                assertFalse(Role.builtIn(builtIn).grants(machine), builtIn + " must not hold " + machine);
            }
        }
        Set<Permission> personal = EnumSet.complementOf(EnumSet.of(HANDLE_CONVERSATIONS, OPERATE_SIMULATOR));
        assertEquals(personal, BuiltInRole.Administrator.permissions(), "the Administrator holds every other permission");
        assertTrue(HANDLE_CONVERSATIONS.isMachine());
        assertTrue(OPERATE_SIMULATOR.isMachine());
        assertFalse(MANAGE_USERS.isMachine());
    }

    @Test
    @DisplayName("B35 Machine permissions are given to service accounts through custom roles")
    void B35_machineIdentitiesGetTheirPermissionThroughACustomRole() {
        assertEquals(List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS", "VIEW_AUDIT",
                "REVIEW_TRANSCRIPTS", "HANDLE_CONVERSATIONS", "OPERATE_SIMULATOR"), java.util.Arrays.stream(Permission.values()).map(Enum::name).toList());
        Role platform = Role.custom("Channel Platform", Permission.parseAll(List.of("handle_conversations")));
        assertEquals(Set.of(HANDLE_CONVERSATIONS), platform.permissions());
        assertFalse(platform.grants(MONITOR_ALL_CALLS));
        Role simulator = Role.custom("Phone Simulator", Permission.parseAll(List.of("OPERATE_SIMULATOR")));
        assertEquals(Set.of(OPERATE_SIMULATOR), simulator.permissions());
        assertFalse(simulator.grants(HANDLE_CONVERSATIONS));
    }

    @Test
    void B01_customRoleGrantsExactlyItsPermissions() {
        Role monitorOnly = Role.custom("Monitor Only", Permission.parseAll(List.of("MONITOR_ALL_CALLS")));
        assertTrue(monitorOnly.grants(MONITOR_ALL_CALLS));
        assertFalse(monitorOnly.grants(BARGE_ALL_CALLS));
        assertFalse(monitorOnly.grants(MANAGE_USERS));
        assertFalse(monitorOnly.builtIn());
    }

    @Test
    void customRoleMayHoldNoPermissionAtAll() {
        assertTrue(Role.custom("Trainee", Set.of()).permissions().isEmpty());
    }

    @Test
    void unknownPermissionIsRefusedByName() {
        UnknownPermissionException e = assertThrows(UnknownPermissionException.class,
                () -> Permission.parseAll(List.of("MONITOR_ALL_CALLS", "FLY")));
        assertTrue(e.getMessage().contains("'FLY'"));
        assertTrue(e.getMessage().endsWith("known: MONITOR_ALL_CALLS, BARGE_ALL_CALLS, COACH_CALLS, MANAGE_USERS, VIEW_AUDIT, "
                + "REVIEW_TRANSCRIPTS, HANDLE_CONVERSATIONS, OPERATE_SIMULATOR"), e.getMessage());
        assertEquals("unknown-permission", e.type());
    }

    @Test
    void permissionNamesAreReadWithoutCaseOrSpaces() {
        assertEquals(Set.of(VIEW_AUDIT), Permission.parseAll(List.of(" view_audit ")));
    }

    @Test
    void customRoleCannotTakeABuiltInName() {
        assertThrows(RoleExistsException.class, () -> Role.custom("supervisor", Set.of()));
    }

    @Test
    void roleNameMustBeReadable() {
        assertThrows(InvalidRoleException.class, () -> Role.custom("", Set.of()));
        assertThrows(InvalidRoleException.class, () -> Role.custom("<script>", Set.of()));
        assertThrows(InvalidRoleException.class, () -> Role.custom("x".repeat(61), Set.of()));
    }

    @Test
    void builtInRolesNeverChange() {
        assertThrows(BuiltInRoleImmutableException.class,
                () -> Role.builtIn(BuiltInRole.Agent).withPermissions(Set.of(MONITOR_ALL_CALLS)));
    }

    @Test
    void B01_effectivePermissionsAreTheRolesPermissions() {
        Role role = Role.custom("Auditor", Set.of(VIEW_AUDIT));
        UserProfile user = new UserProfile("u1", "Ann", role, Extensions.none(), 1);
        assertEquals(Set.of(VIEW_AUDIT), user.effectivePermissions());
        assertFalse(user.may(MONITOR_ALL_CALLS));
        UserProfile promoted = new UserProfile("u1", "Ann", role.withPermissions(Set.of(VIEW_AUDIT, MONITOR_ALL_CALLS)),
                Extensions.none(), 2);
        assertTrue(promoted.may(MONITOR_ALL_CALLS));
    }

    @Test
    void firstSeenUserGetsTheFirstTokenGroupTheTenantKnowsElseAgent() {
        Map<String, Role> tenantRoles = Map.of("supervisor", Role.builtIn(BuiltInRole.Supervisor));
        assertEquals("Supervisor", Provisioning.initialRole(List.of("offline_access", "Supervisor"),
                name -> Optional.ofNullable(tenantRoles.get(name.toLowerCase()))));
        assertEquals("Agent", Provisioning.initialRole(List.of("offline_access"),
                name -> Optional.ofNullable(tenantRoles.get(name.toLowerCase()))));
        assertEquals("Agent", Provisioning.initialRole(null, name -> Optional.empty()));
    }
}
