package cc.monitoring.monitor.domain;

import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.contracts.interaction.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cc.monitoring.monitor.domain.MonitoringPolicy.checkMayMonitor;
import static cc.monitoring.monitor.domain.MonitoringPolicy.chooseExtension;
import static cc.monitoring.monitor.domain.MonitoringPolicy.whyNot;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MonitoringPolicyTest {

    static final Extension DESK = new Extension("Desk", "SIP", "sip:sam@pbx.example.com");
    static final Extension MOBILE = new Extension("Mobile", "PSTN", "+14155550101");
    static final Supervisor SAM = new Supervisor("t", "sam", "Sam", Set.of(PermissionNames.MONITOR_ALL_CALLS),
            List.of(DESK, MOBILE), false);
    static final Interaction CALL = new Interaction("t", "i-1", Channel.VOICE, true, "adam", "call-1", true);

    @Test
    void aSupervisorMayMonitorAnotherAgentsLiveCall() {
        assertDoesNotThrow(() -> checkMayMonitor(SAM, Optional.of(CALL)));
        assertEquals(Optional.empty(), whyNot(SAM, CALL, false, false));
    }

    @Test
    void B01_withoutMonitorPermissionItIsRefused() {
        Supervisor agent = new Supervisor("t", "anna", "Anna", Set.of(), List.of(), false);
        assertThrows(MonitorNotPermittedException.class, () -> checkMayMonitor(agent, Optional.of(CALL)));
        assertEquals(Optional.of("monitor-not-permitted"), whyNot(agent, CALL, false, false));
    }

    @Test
    void B03_anInteractionWithoutSilentMonitoringDoesNotExistForTheSupervisor() {
        Interaction off = new Interaction("t", "i-9", Channel.VOICE, false, "adam", "c", true);
        assertThrows(InteractionNotFoundException.class, () -> checkMayMonitor(SAM, Optional.of(off)));
    }

    @Test
    void B04_aSupervisorLoggedIntoTheAgentDesktopIsRefused() {
        Supervisor asAgent = new Supervisor("t", "sam", "Sam", SAM.permissions(), SAM.extensions(), true);
        LoggedInAsAgentException e = assertThrows(LoggedInAsAgentException.class, () -> checkMayMonitor(asAgent, Optional.of(CALL)));
        assertEquals("logged-in-as-agent", e.type());
    }

    @Test
    void B05_nobodyMonitorsTheirOwnInteraction() {
        Interaction own = new Interaction("t", "i-2", Channel.VOICE, true, "sam", "c", true);
        assertThrows(OwnInteractionException.class, () -> checkMayMonitor(SAM, Optional.of(own)));
        assertEquals(Optional.of("own-interaction"), whyNot(SAM, own, false, false));
    }

    @Test
    void B06_anotherTenantsInteractionDoesNotExist() {
        Interaction foreign = new Interaction("other", "i-3", Channel.VOICE, true, "x", "c", true);
        assertThrows(InteractionNotFoundException.class, () -> checkMayMonitor(SAM, Optional.of(foreign)));
        assertThrows(InteractionNotFoundException.class, () -> checkMayMonitor(SAM, Optional.empty()));
    }

    @Test
    void anEndedInteractionCannotBeMonitored() {
        Interaction ended = new Interaction("t", "i-4", Channel.VOICE, true, "adam", "c", false);
        assertThrows(InteractionEndedException.class, () -> checkMayMonitor(SAM, Optional.of(ended)));
    }

    @Test
    void B20_theExtensionMustBeOneOfTheSupervisorsOwn() {
        assertEquals(MOBILE, chooseExtension(SAM, "+14155550101"));
        assertEquals(DESK, chooseExtension(SAM, "SIP:sam@pbx.example.com"));
        assertThrows(ExtensionNotYoursException.class, () -> chooseExtension(SAM, "sip:boss@pbx.example.com"));
        assertThrows(ExtensionNotYoursException.class, () -> chooseExtension(SAM, null));
        Supervisor none = new Supervisor("t", "x", "X", SAM.permissions(), List.of(), false);
        assertThrows(NoExtensionException.class, () -> chooseExtension(none, "+14155550101"));
    }

    @Test
    void B52_theMonitorButtonSaysWhyItCannotBeUsed() {
        assertEquals(Optional.of("voice-monitor-active"), whyNot(SAM, CALL, true, false));
        assertEquals(Optional.of("already-monitoring"), whyNot(SAM, CALL, true, true));
        Interaction chat = new Interaction("t", "i-5", Channel.CHAT, true, "adam", null, true);
        assertEquals(Optional.empty(), whyNot(SAM, chat, true, false), "B33: the one-call rule is for voice only");
    }
}
