package cc.monitoring.interaction.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import cc.monitoring.interaction.domain.AgentPresence;
import cc.monitoring.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces agent-desktop logins and logouts on {@code agent-presence}, key tenant/user, through the outbox. */
@ApplicationScoped
public class AgentPresencePublisher {

    private final OutboxWriter outbox;

    public AgentPresencePublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void changed(String tenantId, AgentPresence presence) {
        String type = presence.loggedIn() ? EventTypes.AGENT_LOGGED_IN : EventTypes.AGENT_LOGGED_OUT;
        AgentPresenceChanged data = new AgentPresenceChanged(tenantId, presence.userId(), presence.loggedIn(),
                presence.changedAt(), presence.revision());
        outbox.append(Topics.AGENT_PRESENCE, Topics.userKey(tenantId, presence.userId()),
                CloudEvent.of(type, InteractionEventsPublisher.SOURCE, tenantId, presence.userId(), data));
    }
}
