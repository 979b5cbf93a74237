package cc.monitoring.telephony.service;

import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.messaging.out.TelephonyEventsPublisher;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.CallRepository;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.MonitorLegRepository;
import cc.monitoring.telephony.persistence.TwilioConferenceEntity;
import cc.monitoring.telephony.persistence.TwilioConferenceRepository;
import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.twilio.TwiML;
import cc.monitoring.telephony.provider.twilio.TwilioAccounts.Account;
import cc.monitoring.telephony.provider.twilio.TwilioApi;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks.ConferenceStatus;
import cc.monitoring.telephony.provider.twilio.TwilioCallbacks.ParticipantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls on Twilio: the Voice webhook puts each caller into a conference of their own; the conference's
 * callbacks make it a call (when the agent joins: call-started, keyed by the ConferenceSid, with the agent's
 * CallSid kept for coaching, B50) and end it (the caller or the agent leaves, or the conference ends:
 * call-ended); a monitor participant's callbacks move its leg (answered, mode confirmed, B29; left).
 * <p>
 * Every callback is applied once: a callback whose {@code SequenceNumber} is not newer than the last one applied
 * in its scope (the conference, one participant of it, one monitor leg) changes nothing; what is left is
 * absorbed by the call's and the leg's state machines. The tenant is the one whose account the callback names.
 */
@ApplicationScoped
@Transactional
public class TwilioCalls {

    private static final Logger LOG = Logger.getLogger(TwilioCalls.class);

    private final TwilioConferenceRepository conferences;
    private final CallRepository calls;
    private final MonitorLegRepository legs;
    private final CallService callService;
    private final ProviderReports reports;
    private final TelephonyEventsPublisher events;
    private final PermissionReadModel people;
    private final TwilioApi api;

    public TwilioCalls(TwilioConferenceRepository conferences, CallRepository calls, MonitorLegRepository legs,
                       CallService callService, ProviderReports reports, TelephonyEventsPublisher events,
                       PermissionReadModel people, TwilioApi api) {
        this.conferences = conferences;
        this.calls = calls;
        this.legs = legs;
        this.callService = callService;
        this.reports = reports;
        this.events = events;
        this.people = people;
        this.api = api;
    }

    /**
     * The Voice webhook: a call to one of the tenant's numbers. Answers the TwiML that puts the caller into
     * the call's own conference (named after the caller's CallSid), or rejects a number routed to no flow.
     */
    public String voice(Account account, String webhookBaseUrl, String callSid, String from, String to) {
        Optional<String> flow = account.flowOf(to);
        if (callSid == null || callSid.isBlank() || flow.isEmpty()) {
            LOG.infof("Twilio call to %s rejected: tenant %s routes that number to no flow", to, account.tenantId());
            return TwiML.reject();
        }
        TwilioConferenceEntity conference = new TwilioConferenceEntity();
        conference.friendlyName = bounded(callSid, 128);
        conference.tenantId = account.tenantId();
        conference.accountSid = account.accountSid();
        conference.callerCallSid = bounded(callSid, 64);
        conference.customerNumber = from == null || from.isBlank() ? "anonymous" : bounded(from, 64);
        conference.flowId = bounded(flow.get(), 100);
        conferences.insertIfNew(conference);
        return TwiML.callerIntoConference(webhookBaseUrl, conference.friendlyName);
    }

    /** A conference status callback of one of the tenant's calls. */
    public void conferenceStatus(Account account, ConferenceStatus status) {
        if (status.event() == null || status.conferenceSid() == null) {
            return;
        }
        Optional<TwilioConferenceEntity> found = status.friendlyName() == null
                ? conferences.bySidForUpdate(account.tenantId(), status.conferenceSid())
                : conferences.ofTenantForUpdate(account.tenantId(), status.friendlyName());
        if (found.isEmpty()) {
            LOG.debugf("callback %s for a conference the gateway did not open; ignored", status.event());
            return;
        }
        TwilioConferenceEntity conference = found.get();
        if (conference.conferenceSid == null) {
            conference.conferenceSid = status.conferenceSid();
        } else if (!conference.conferenceSid.equals(status.conferenceSid())) {
            return;
        }
        String scope = "C:" + status.conferenceSid() + (status.isParticipantEvent() ? ":" + status.callSid() : "");
        if (status.sequence() != null && !conferences.newerCallback(scope, status.sequence())) {
            LOG.debugf("callback %s #%d of %s is a duplicate or late; ignored", status.event(), status.sequence(), scope);
            return;
        }
        String who = status.callSid() == null ? null
                : status.callSid().equals(conference.callerCallSid) ? TwilioCallbacks.CUSTOMER_LABEL
                : TwilioCallbacks.AGENT_LABEL.equals(status.label()) ? TwilioCallbacks.AGENT_LABEL
                : null;
        Optional<MonitorLegEntity> leg = who == null ? monitorLeg(account, conference, status.label())
                : Optional.empty();
        switch (status.event()) {
            case "participant-join" -> {
                if (TwilioCallbacks.AGENT_LABEL.equals(who) && conference.callId == null) {
                    start(account, conference, status.callSid());
                }
                leg.ifPresent(l -> {
                    reports.legRinging(l.legId.toString(), status.callSid());
                    reports.legAnswered(l.legId.toString());
                });
            }
            case "participant-leave" -> {
                if (TwilioCallbacks.CUSTOMER_LABEL.equals(who)) {
                    end(conference, EndedBy.CUSTOMER);
                } else if (TwilioCallbacks.AGENT_LABEL.equals(who)) {
                    end(conference, EndedBy.AGENT);
                }
                leg.ifPresent(l -> reports.legEnded(l.legId.toString(), LegEndReason.HUNG_UP));
            }
            case "participant-mute", "participant-unmute", "participant-modify" -> leg.ifPresent(l -> {
                LegMode mode = status.mode().orElseThrow();
                if (l.state == LegState.CONNECTED && l.mode != mode) {
                    reports.legModeChanged(l.legId.toString(), mode);
                }
            });
            case "conference-end" -> end(conference, status.endedBy(conference.callerCallSid, agentCallSid(conference)));
            default -> {
                // conference-start (recorded above), hold, speaker and others change nothing reported
            }
        }
    }

    /** A monitor leg's own status callback (its Participants create's StatusCallback). */
    public void participantStatus(Account account, String legId, ParticipantStatus status) {
        Optional<MonitorLegEntity> leg = parse(legId).flatMap(legs::findByIdOptional)
                .filter(l -> l.tenantId.equals(account.tenantId()));
        if (leg.isEmpty()) {
            LOG.debugf("participant callback for a leg the tenant does not have; ignored");
            return;
        }
        if (status.sequence() != null && !conferences.newerCallback("P:" + legId, status.sequence())) {
            return;
        }
        status.report(reports, leg.get().legId.toString());
    }

    private void start(Account account, TwilioConferenceEntity conference, String agentCallSid) {
        String agentId = agentOf(account, agentCallSid);
        CallEntity call = new CallEntity();
        call.callId = UUID.randomUUID().toString();
        call.tenantId = conference.tenantId;
        call.providerRef = conference.conferenceSid;
        call.agentLegRef = agentCallSid;
        call.flowId = conference.flowId;
        call.agentId = agentId;
        String name = people.permissionsOf(conference.tenantId, agentId).displayName();
        call.agentName = bounded(name == null || name.isBlank() ? agentId : name, 200);
        call.customerNumber = conference.customerNumber;
        call.state = CallState.ACTIVE;
        call.startedAt = Instant.now();
        calls.persist(call);
        conference.callId = call.callId;
        events.callStarted(call);
    }

    /**
     * The agent's user id: the address the router dialed for them ({@code client:<agentId>}), read from the
     * agent's Call resource. If Twilio cannot tell, the CallSid stands in (and is logged).
     */
    private String agentOf(Account account, String agentCallSid) {
        try {
            Optional<String> to = api.call(account, agentCallSid).map(c -> c.path("to").asText(null));
            if (to.isPresent() && to.get() != null && !to.get().isBlank()) {
                String address = to.get();
                return bounded(address.startsWith("client:") ? address.substring("client:".length()) : address, 255);
            }
        } catch (ProviderFailure e) {
            LOG.warnf("cannot read the agent's call %s from Twilio (%s)", agentCallSid, e.reason());
        }
        LOG.warnf("the agent of call leg %s is unknown; its CallSid stands in for the agent id", agentCallSid);
        return agentCallSid;
    }

    private void end(TwilioConferenceEntity conference, EndedBy endedBy) {
        if (conference.callId != null) {
            callService.ended(conference.conferenceSid, endedBy);
        }
    }

    private String agentCallSid(TwilioConferenceEntity conference) {
        return conference.callId == null ? null
                : calls.ofTenant(conference.tenantId, conference.callId).map(c -> c.agentLegRef).orElse(null);
    }

    /** The monitor leg labelled {@code label} on this conference's call, in the tenant. */
    private Optional<MonitorLegEntity> monitorLeg(Account account, TwilioConferenceEntity conference, String label) {
        if (conference.callId == null) {
            return Optional.empty();
        }
        return parse(label).flatMap(legs::findByIdOptional)
                .filter(l -> l.tenantId.equals(account.tenantId()) && l.callId.equals(conference.callId));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String value, int max) {
        String stripped = value.strip().replaceAll("\\p{Cntrl}", "");
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
