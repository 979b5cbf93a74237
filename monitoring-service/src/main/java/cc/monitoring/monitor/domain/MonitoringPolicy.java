package cc.monitoring.monitor.domain;

import cc.monitoring.kit.permissions.PermissionNames;
import java.util.Optional;

/**
 * Who may monitor what (B01–B06, B20). Checked in the order a supervisor would want to hear about
 * it; the first rule that refuses names the reason. The one-voice-session rule (B22) needs the
 * database and is checked there, backed by a unique index.
 */
public final class MonitoringPolicy {

    private MonitoringPolicy() {
    }

    /**
     * Refuses with the reason when {@code supervisor} may not start monitoring {@code interaction}.
     * An interaction of another tenant, or on a flow without silent monitoring, does not exist for
     * the supervisor (B03, B06).
     */
    public static void checkMayMonitor(Supervisor supervisor, Optional<Interaction> found) {
        Interaction interaction = visibleTo(supervisor, found);
        if (!supervisor.may(PermissionNames.MONITOR_ALL_CALLS)) {
            throw new MonitorNotPermittedException();
        }
        if (supervisor.loggedInAsAgent()) {
            throw new LoggedInAsAgentException();
        }
        if (supervisor.userId().equals(interaction.agentId())) {
            throw new OwnInteractionException();
        }
        if (!interaction.active()) {
            throw new InteractionEndedException(interaction.interactionId());
        }
    }

    /** The interaction, if the supervisor may know it exists (same tenant, silent monitoring on). */
    public static Interaction visibleTo(Supervisor supervisor, Optional<Interaction> found) {
        return found.filter(i -> i.tenantId().equals(supervisor.tenantId()) && i.silentMonitoring())
                .orElseThrow(InteractionNotFoundException::new);
    }

    /** The extension the supervisor picked, which must be one of their own (B20). */
    public static Extension chooseExtension(Supervisor supervisor, String requestedAddress) {
        if (supervisor.extensions().isEmpty()) {
            throw new NoExtensionException();
        }
        if (requestedAddress == null || requestedAddress.isBlank()) {
            throw new ExtensionNotYoursException(null);
        }
        return supervisor.extensions().stream()
                .filter(e -> e.address().equalsIgnoreCase(requestedAddress.trim()))
                .findFirst()
                .orElseThrow(() -> new ExtensionNotYoursException(requestedAddress));
    }

    /** Why the Monitor button cannot be used for this interaction now, or empty when it can (B52). */
    public static Optional<String> whyNot(Supervisor supervisor, Interaction interaction, boolean hasActiveVoiceSession,
                                          boolean monitorsItAlready) {
        try {
            checkMayMonitor(supervisor, Optional.of(interaction));
        } catch (MonitoringRefusedException e) {
            return Optional.of(e.type());
        }
        if (monitorsItAlready) {
            return Optional.of(AlreadyMonitoringException.TYPE);
        }
        if (interaction.channel() == cc.monitoring.contracts.interaction.Channel.VOICE) {
            if (hasActiveVoiceSession) {
                return Optional.of(VoiceMonitorActiveException.TYPE);
            }
            if (supervisor.extensions().isEmpty()) {
                return Optional.of(NoExtensionException.TYPE);
            }
        }
        return Optional.empty();
    }
}
