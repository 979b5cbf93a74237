package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.interaction.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** B34: who may review an ended interaction's transcript; plain Java, no Quarkus. */
class ReviewPolicyTest {

    private static final Supervisor ADMIN = new Supervisor("acme", "alice", "Alice",
            Set.of("MONITOR_ALL_CALLS", "REVIEW_TRANSCRIPTS"), List.of(), false);
    private static final Supervisor SUPERVISOR = new Supervisor("acme", "sam", "Sam",
            Set.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS"), List.of(), false);

    private static Interaction chat(String tenant, boolean silentMonitoring, boolean active) {
        return new Interaction(tenant, "i-1", Channel.CHAT, silentMonitoring, "amy", null, active);
    }

    @Test
    void B34_anAdministratorMayReviewAnEndedMonitoredChat() {
        assertEquals(Optional.empty(), ReviewPolicy.whyNot(ADMIN, chat("acme", true, false), true));
    }

    @Test
    void B34_eachRefusalNamesItsReason() {
        assertEquals(Optional.of(ReviewNotPermittedException.TYPE), ReviewPolicy.whyNot(SUPERVISOR, chat("acme", true, false), true));
        assertEquals(Optional.of(InteractionNotEndedException.TYPE), ReviewPolicy.whyNot(ADMIN, chat("acme", true, true), true));
        assertEquals(Optional.of(InteractionNotFoundException.TYPE), ReviewPolicy.whyNot(ADMIN, chat("acme", true, false), false));
        assertEquals(Optional.of(NotDigitalException.TYPE), ReviewPolicy.whyNot(ADMIN,
                new Interaction("acme", "i-2", Channel.VOICE, true, "adam", "CA1", false), true));
    }

    @Test
    void B06_B08_anotherTenantsOrAToggleOffInteractionDoesNotExistForTheReviewer() {
        assertThrows(InteractionNotFoundException.class,
                () -> ReviewPolicy.checkMayReview(ADMIN, Optional.of(chat("other", true, false)), true));
        assertThrows(InteractionNotFoundException.class,
                () -> ReviewPolicy.checkMayReview(ADMIN, Optional.of(chat("acme", false, false)), true));
        assertThrows(InteractionNotFoundException.class, () -> ReviewPolicy.checkMayReview(ADMIN, Optional.empty(), true));
    }
}
