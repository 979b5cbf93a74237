package cc.monitoring.contracts;

import cc.monitoring.contracts.EventJson.MalformedEventException;
import cc.monitoring.contracts.permission.UserRemoved;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventChecksTest {

    private static CloudEvent removed(String envelopeTenant, String dataTenant) {
        return CloudEvent.of(EventTypes.USER_REMOVED, "/test", envelopeTenant, "u-1", new UserRemoved(dataTenant, "u-1", 1));
    }

    @Test
    void B06_anEventWhoseDataNamesAnotherTenantIsPoison() {
        CloudEvent crossing = removed("tenant-a", "tenant-b");

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventChecks.dataOf(crossing, UserRemoved.class, UserRemoved::tenantId));
        assertTrue(e.getMessage().contains("tenant-b"), e.getMessage());
        assertThrows(MalformedEventException.class, () -> EventChecks.requireSameTenant(crossing, "tenant-b"));
        assertThrows(MalformedEventException.class, () -> EventChecks.requireSameTenant("tenant-a", "tenant-b"));
        assertThrows(MalformedEventException.class, () -> EventChecks.requireSameTenant("tenant-a", null));
    }

    @Test
    void B06_dataOfTheEnvelopesTenantIsReturnedTyped() {
        UserRemoved data = EventChecks.dataOf(removed("tenant-a", "tenant-a"), UserRemoved.class, UserRemoved::tenantId);

        assertEquals(new UserRemoved("tenant-a", "u-1", 1), data);
        EventChecks.requireSameTenant("tenant-a", "tenant-a");
    }

    @Test
    void aRequiredValueIsPresentAndBounded() {
        assertEquals("s-1", EventChecks.require("s-1", "sessionId"));
        assertEquals("sessionId is required",
                assertThrows(MalformedEventException.class, () -> EventChecks.require(" ", "sessionId")).getMessage());
        assertThrows(MalformedEventException.class, () -> EventChecks.require(null, "sessionId"));
        assertThrows(MalformedEventException.class,
                () -> EventChecks.require("x".repeat(EventChecks.MAX_ID + 1), "sessionId"));
        assertEquals("callId is longer than 4 characters",
                assertThrows(MalformedEventException.class, () -> EventChecks.require("12345", "callId", 4)).getMessage());
    }

    @Test
    void anOptionalValueMayBeMissingButNotTooLong() {
        assertNull(EventChecks.optional(null, "extensionKind", 16));
        assertEquals("SIP", EventChecks.optional("SIP", "extensionKind", 16));
        assertThrows(MalformedEventException.class, () -> EventChecks.optional("x".repeat(17), "extensionKind", 16));
    }

    @Test
    void aServiceRuleDecidesWhetherAnIdIsValidWithoutTheValueBeingEchoed() {
        assertEquals("f-1", EventChecks.require("f-1", "flowId", id -> id.startsWith("f-")));
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventChecks.require("<script>", "flowId", id -> id.startsWith("f-")));
        assertEquals("flowId is not valid", e.getMessage());
    }

    @Test
    void aUuidIsParsedOrPoison() {
        UUID id = UUID.randomUUID();
        assertEquals(id, EventChecks.requireUuid(id.toString(), "interactionId"));
        assertEquals("interactionId is not a UUID", assertThrows(MalformedEventException.class,
                () -> EventChecks.requireUuid("not-a-uuid", "interactionId")).getMessage());
        assertThrows(MalformedEventException.class, () -> EventChecks.requireUuid(null, "interactionId"));
    }
}
