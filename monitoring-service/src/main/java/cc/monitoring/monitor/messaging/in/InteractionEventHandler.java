package cc.monitoring.monitor.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.monitor.persistence.AgentPresenceProjection;
import cc.monitoring.monitor.persistence.InteractionProjection;
import cc.monitoring.monitor.service.LiveUpdates;
import cc.monitoring.monitor.service.SessionLifecycle;
import jakarta.enterprise.context.ApplicationScoped;

import static cc.monitoring.contracts.EventChecks.dataOf;

/**
 * Events of interaction-service: {@code interaction-events} keep the interaction read model (and end
 * the sessions of an ended interaction, B25); {@code agent-presence} keeps the agent-desktop logins
 * (and ends the voice sessions of a supervisor who logs in, B28). Runs in the consumer's transaction,
 * once per event id.
 */
@ApplicationScoped
public class InteractionEventHandler {

    private final InteractionProjection interactions;
    private final AgentPresenceProjection presence;
    private final SessionLifecycle lifecycle;
    private final LiveUpdates live;

    public InteractionEventHandler(InteractionProjection interactions, AgentPresenceProjection presence,
                                   SessionLifecycle lifecycle, LiveUpdates live) {
        this.interactions = interactions;
        this.presence = presence;
        this.lifecycle = lifecycle;
        this.live = live;
    }

    public void onInteractionEvent(CloudEvent event) {
        live.tableChanged(event.tenantid(), event.subject()); // the subject of interaction-events is the interaction id
        switch (event.type()) {
            case EventTypes.INTERACTION_STARTED ->
                    interactions.started(dataOf(event, InteractionStarted.class, InteractionStarted::tenantId));
            case EventTypes.PARTICIPANT_JOINED ->
                    interactions.joined(dataOf(event, ParticipantChanged.class, ParticipantChanged::tenantId));
            case EventTypes.PARTICIPANT_LEFT ->
                    interactions.left(dataOf(event, ParticipantChanged.class, ParticipantChanged::tenantId));
            case EventTypes.MESSAGE_POSTED ->
                    interactions.messagePosted(dataOf(event, MessagePosted.class, MessagePosted::tenantId));
            case EventTypes.INTERACTION_ENDED -> {
                InteractionEnded ended = dataOf(event, InteractionEnded.class, InteractionEnded::tenantId);
                interactions.ended(ended).ifPresent(at -> lifecycle.interactionEnded(ended.interactionId(), at));
            }
            default -> { /* a type this version does not know: nothing to do */ }
        }
    }

    /** An agent logged into or out of the desktop: the agents view follows (B51); a login ends voice monitoring (B28). */
    public void onPresenceEvent(CloudEvent event) {
        if (!EventTypes.AGENT_LOGGED_IN.equals(event.type()) && !EventTypes.AGENT_LOGGED_OUT.equals(event.type())) {
            return;
        }
        AgentPresenceChanged change = dataOf(event, AgentPresenceChanged.class, AgentPresenceChanged::tenantId);
        if (!presence.apply(change)) {
            return; // an older or repeated state: nothing changed
        }
        live.tableChanged(change.tenantId(), null); // the agents view follows
        if (change.loggedIn()) {
            lifecycle.loggedIntoAgentDesktop(change.tenantId(), change.userId());
        }
    }
}
