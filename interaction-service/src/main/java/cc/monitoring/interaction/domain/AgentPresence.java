package cc.monitoring.interaction.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a user is logged into the agent desktop. Every change increases the revision; logging in
 * while logged in (or out while out) is no change, so it is not announced again.
 */
public record AgentPresence(String userId, boolean loggedIn, long revision, Instant changedAt) {

    public AgentPresence {
        Objects.requireNonNull(userId, "userId");
    }

    public static AgentPresence neverLoggedIn(String userId) {
        return new AgentPresence(userId, false, 0, null);
    }

    /** The state after logging in, if that is a change. */
    public Optional<AgentPresence> logIn(Instant at) {
        return loggedIn ? Optional.empty() : Optional.of(new AgentPresence(userId, true, revision + 1, at));
    }

    /** The state after logging out, if that is a change. */
    public Optional<AgentPresence> logOut(Instant at) {
        return loggedIn ? Optional.of(new AgentPresence(userId, false, revision + 1, at)) : Optional.empty();
    }
}
