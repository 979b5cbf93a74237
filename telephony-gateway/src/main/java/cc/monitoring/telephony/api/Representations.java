package cc.monitoring.telephony.api;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.provider.simulated.SimulatedBehaviour;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of telephony-gateway, and their mapping from entities. */
final class Representations {

    private Representations() {
    }

    record PlaceCall(String flowId, String agentId, String agentName, String customerNumber) {
    }

    record HangUp(String by) {
    }

    /** A party of the call's conference: the agent and the customer, present while the call is up. */
    record Participant(String role, String id, String name, boolean present) {
    }

    /** A monitor leg: shown only to its owner and to audit readers (B07). */
    record LegBody(String legId, String sessionId, String supervisorId, String extensionKind, String extensionAddress,
                   LegState state, LegMode mode, String reason, Instant createdAt, Instant updatedAt) {
        static LegBody of(MonitorLegEntity leg) {
            return new LegBody(leg.legId.toString(), leg.sessionId, leg.supervisorId, leg.extensionKind,
                    leg.extensionAddress, leg.state, leg.mode, leg.reason, leg.createdAt, leg.updatedAt);
        }
    }

    record CallBody(String callId, String flowId, String agentId, String agentName, String customerNumber,
                    CallState state, Instant startedAt, Instant endedAt, EndedBy endedBy,
                    List<Participant> participants, List<LegBody> monitorLegs) {
        static CallBody of(CallEntity call, List<MonitorLegEntity> legs) {
            boolean up = call.state == CallState.ACTIVE;
            return new CallBody(call.callId, call.flowId, call.agentId, call.agentName, call.customerNumber, call.state,
                    call.startedAt, call.endedAt, call.endedBy,
                    List.of(new Participant("AGENT", call.agentId, call.agentName, up),
                            new Participant("CUSTOMER", call.customerNumber, call.customerNumber, up)),
                    legs.stream().map(LegBody::of).toList());
        }
    }

    record CallSummary(String callId, String flowId, String agentId, String agentName, String customerNumber,
                       CallState state, Instant startedAt, Instant endedAt, EndedBy endedBy) {
        static CallSummary of(CallEntity call) {
            return new CallSummary(call.callId, call.flowId, call.agentId, call.agentName, call.customerNumber,
                    call.state, call.startedAt, call.endedAt, call.endedBy);
        }
    }

    record FailureBody(String failure) {
    }

    /** An injected behaviour of an extension (the field keeps its first name, {@code failure}). */
    record InjectedFailure(String address, SimulatedBehaviour failure) {
    }
}
