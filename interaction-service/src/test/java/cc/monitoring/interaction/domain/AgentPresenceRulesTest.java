package cc.monitoring.interaction.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: agent-desktop presence is plain Java. */
class AgentPresenceRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void B04_loggingInAndOutAreChangesWithIncreasingRevisions() {
        AgentPresence never = AgentPresence.neverLoggedIn("sam");
        assertFalse(never.loggedIn());
        assertEquals(0, never.revision());

        AgentPresence in = never.logIn(T0).orElseThrow();
        assertEquals(new AgentPresence("sam", true, 1, T0), in);
        AgentPresence out = in.logOut(T0.plusSeconds(60)).orElseThrow();
        assertEquals(new AgentPresence("sam", false, 2, T0.plusSeconds(60)), out);
        assertEquals(3, out.logIn(T0.plusSeconds(120)).orElseThrow().revision());
    }

    @Test
    void repeatingTheCurrentStateIsNoChange() {
        AgentPresence in = AgentPresence.neverLoggedIn("sam").logIn(T0).orElseThrow();
        assertTrue(in.logIn(T0.plusSeconds(1)).isEmpty(), "logging in twice is fine and announces nothing");
        assertTrue(AgentPresence.neverLoggedIn("sam").logOut(T0).isEmpty());
    }
}
