package cc.monitoring.contracts.interaction;

import java.time.Instant;

/**
 * A user logged into or out of the agent desktop (payload of agent-logged-in / agent-logged-out on
 * {@code agent-presence}, key {@code tenantId/userId}).
 *
 * @param revision increases with every change for this user; consumers ignore older ones
 */
public record AgentPresenceChanged(String tenantId, String userId, boolean loggedIn, Instant at, long revision) {
}
