package cc.monitoring.telephony.service;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.domain.LegStatus;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.messaging.out.TelephonyEventsPublisher;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.CallRepository;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.MonitorLegRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Monitor legs: the commands of monitoring-service (dial, set mode, hang up) and what the provider
 * reports about the legs. A command records the decision and the provider command that carries it out
 * ({@link ProviderCommands}, B29) in one transaction; the leg's state changes, and is announced, when the
 * provider reports it.
 * <p>
 * Every command is scoped by its tenant: a call or session of another tenant is simply not found.
 */
@ApplicationScoped
@Transactional
public class MonitorLegService {

    private static final Logger LOG = Logger.getLogger(MonitorLegService.class);

    private final CallRepository calls;
    private final MonitorLegRepository legs;
    private final TelephonyEventsPublisher events;
    private final ProviderCommands provider;

    public MonitorLegService(CallRepository calls, MonitorLegRepository legs, TelephonyEventsPublisher events,
                             ProviderCommands provider) {
        this.calls = calls;
        this.legs = legs;
        this.events = events;
        this.provider = provider;
    }

    // --- commands (telephony-commands, applied by messaging/in's TelephonyCommandHandler) -------

    /** Records a monitor leg for the session and, in the same transaction, the command to dial it muted (B29). */
    public void dial(String tenantId, DialMonitorLeg command) {
        EventChecks.requireSameTenant(tenantId, command.tenantId());
        MonitorLegEntity leg = new MonitorLegEntity();
        leg.legId = UUID.randomUUID();
        leg.tenantId = tenantId;
        leg.callId = EventChecks.require(command.callId(), "callId", 64);
        leg.sessionId = EventChecks.require(command.sessionId(), "sessionId", 100);
        leg.extensionAddress = EventChecks.require(command.extensionAddress(), "extensionAddress", 255);
        leg.extensionKind = EventChecks.optional(command.extensionKind(), "extensionKind", 16);
        leg.supervisorId = EventChecks.optional(command.supervisorId(), "supervisorId", 255);
        Optional<CallEntity> call = calls.ofTenant(tenantId, leg.callId).filter(c -> c.state == CallState.ACTIVE);
        LegStatus status = call.isPresent() ? LegStatus.ringing() : LegStatus.failedAtOnce(LegFailure.CALL_NOT_FOUND);
        leg.state = status.state();
        leg.reason = status.reason();
        if (!legs.insertIfNewSession(leg)) {
            LOG.debugf("session %s already has a monitor leg; dial ignored", leg.sessionId);
            return;
        }
        if (call.isEmpty()) {
            events.leg(EventTypes.MONITOR_LEG_FAILED, leg);
            return;
        }
        provider.dial(leg);
    }

    /** Asks the provider to change a connected leg's mode; the mode changes when the provider confirms it (B29). */
    public void setMode(String tenantId, SetMonitorLegMode command) {
        EventChecks.requireSameTenant(tenantId, command.tenantId());
        if (command.mode() == null) {
            throw new InvalidCommandException("mode is required");
        }
        legOfCommand(tenantId, command.callId(), command.sessionId()).ifPresent(leg -> {
            if (leg.state != LegState.CONNECTED) {
                // nothing to ask the provider: refused at once, the leg keeps what it has (B29)
                events.modeRefused(leg, notConnected(leg).name());
                return;
            }
            provider.setMode(leg, command.mode());
        });
    }

    /** Asks the provider to hang up the session's leg only (B24). */
    public void hangUp(String tenantId, HangUpMonitorLeg command) {
        EventChecks.requireSameTenant(tenantId, command.tenantId());
        legOfCommand(tenantId, command.callId(), command.sessionId()).ifPresent(leg -> {
            if (!leg.state.isOpen()) {
                LOG.debugf("monitor leg %s is already %s", leg.legId, leg.state);
                return;
            }
            provider.hangUp(leg);
        });
    }

    /** The session's leg on that call in that tenant; if there is none, CALL_NOT_FOUND is announced. */
    private Optional<MonitorLegEntity> legOfCommand(String tenantId, String callId, String sessionId) {
        String call = EventChecks.require(callId, "callId", 64);
        String session = EventChecks.require(sessionId, "sessionId", 100);
        Optional<MonitorLegEntity> leg = legs.ofSession(tenantId, session).filter(l -> l.callId.equals(call));
        if (leg.isEmpty()) {
            events.noSuchLeg(tenantId, call, session, LegFailure.CALL_NOT_FOUND.name());
        }
        return leg;
    }

    // --- what the provider reports ----------------------------------------------------------------

    public void ringing(String legId, String providerLegRef) {
        locked(legId).ifPresent(leg -> {
            if (leg.providerRef == null && providerLegRef != null) {
                leg.providerRef = providerLegRef;
            }
        });
    }

    /** Connected, muted (B21). A leg that answers after it was given up is hung up again. */
    public void answered(String legId) {
        locked(legId).ifPresent(leg -> {
            if (!change(leg, LegStatus::answered, EventTypes.MONITOR_LEG_CONNECTED) && leg.state == LegState.ENDED) {
                provider.hangUp(leg);
            }
        });
    }

    public void failed(String legId, LegFailure failure) {
        locked(legId).ifPresent(leg -> change(leg, s -> s.failed(failure), EventTypes.MONITOR_LEG_FAILED));
    }

    /** The provider confirmed the mode: only now is it the leg's mode, and announced (B29). */
    public void modeChanged(String legId, LegMode mode) {
        locked(legId).ifPresent(leg -> change(leg, s -> s.modeChanged(mode), EventTypes.MONITOR_LEG_MODE_CHANGED));
    }

    /** The provider refused a mode change: the leg keeps its mode, and the refusal is announced (B29). */
    public void modeRefused(String legId, ModeRefusal reason) {
        locked(legId).ifPresent(leg -> events.modeRefused(leg, reason.name()));
    }

    /** Why a leg that is not connected cannot change its mode. */
    private ModeRefusal notConnected(MonitorLegEntity leg) {
        boolean callEnded = LegEndReason.CALL_ENDED.name().equals(leg.reason)
                || calls.ofTenant(leg.tenantId, leg.callId).map(c -> c.state == CallState.ENDED).orElse(true);
        return callEnded ? ModeRefusal.CALL_ENDED : ModeRefusal.LEG_NOT_CONNECTED;
    }

    public void ended(String legId, LegEndReason reason) {
        locked(legId).ifPresent(leg -> change(leg, s -> s.ended(reason), EventTypes.MONITOR_LEG_ENDED));
    }

    /** Ends every leg still open on a call that ended (B25). Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callEnded(String tenantId, String callId) {
        for (MonitorLegEntity leg : legs.openOfCallForUpdate(tenantId, callId)) {
            change(leg, s -> s.ended(LegEndReason.CALL_ENDED), EventTypes.MONITOR_LEG_ENDED);
        }
    }

    private boolean change(MonitorLegEntity leg, Function<LegStatus, Optional<LegStatus>> happening, String eventType) {
        Optional<LegStatus> next = happening.apply(leg.status());
        if (next.isEmpty()) {
            LOG.debugf("report for monitor leg %s (%s) does not apply; ignored", leg.legId, leg.state);
            return false;
        }
        leg.apply(next.get());
        events.leg(eventType, leg);
        return true;
    }

    private Optional<MonitorLegEntity> locked(String legId) {
        try {
            return legs.forUpdate(UUID.fromString(legId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
