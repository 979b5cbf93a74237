package cc.monitoring.monitor.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.kit.metrics.AfterCommit;
import cc.monitoring.kit.metrics.MeterSnapshots;
import cc.monitoring.kit.metrics.Snapshot;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.monitor.persistence.SessionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * monitoring-service's own meters (docs/operations.md lists them with their tags). Tags are small fixed sets
 * (channel, state, mode, action, problem type, dial outcome); never the tenant, the supervisor or an id, whose
 * number grows with the business and would make every series a cardinality problem — per-tenant questions are
 * for the audit trail. Counters and timers count what committed ({@link AfterCommit}).
 */
@ApplicationScoped
public class MonitoringMetrics {

    /** One group of live sessions: channel, state (DIALING, ACTIVE) and confirmed mode ("NONE" for dialing and digital). */
    record Group(Channel channel, SessionState state, String mode) {
        static Group of(Object channel, Object state, Object mode) {
            return new Group(Channel.valueOf(String.valueOf(channel)), SessionState.valueOf(String.valueOf(state)),
                    mode == null ? NONE : String.valueOf(mode));
        }
    }

    /** Live sessions now: how many per group, and how long the oldest DIALING one has been dialing. */
    record Live(Map<Group, Long> counts, double oldestDialingSeconds) {
        static final Live NONE_YET = new Live(Map.of(), 0);

        static Live of(List<Object[]> rows) {
            Map<Group, Long> counts = new HashMap<>();
            double oldestDialing = 0;
            for (Object[] row : rows) {
                Group group = Group.of(row[0], row[1], row[2]);
                counts.merge(group, ((Number) row[3]).longValue(), Long::sum);
                if (group.state() == SessionState.DIALING) {
                    oldestDialing = Math.max(oldestDialing, ((Number) row[4]).doubleValue());
                }
            }
            return new Live(counts, oldestDialing);
        }
    }

    static final String NONE = "NONE";
    static final String CONNECTED = "CONNECTED";

    private final MeterRegistry registry;
    private final MeterSnapshots snapshots;
    private final SessionRepository sessions;
    private final AfterCommit afterCommit;

    public MonitoringMetrics(MeterRegistry registry, MeterSnapshots snapshots, SessionRepository sessions,
                             AfterCommit afterCommit) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.sessions = sessions;
        this.afterCommit = afterCommit;
    }

    void register(@Observes StartupEvent ignored) {
        Snapshot<Live> live = snapshots.of(() -> Live.of(sessions.liveCounts()), Live.NONE_YET);
        List<Group> groups = new java.util.ArrayList<>();
        groups.add(new Group(Channel.VOICE, SessionState.DIALING, NONE));
        for (SessionMode mode : SessionMode.values()) {
            groups.add(new Group(Channel.VOICE, SessionState.ACTIVE, mode.name()));
        }
        for (Channel channel : Channel.values()) {
            if (channel.isDigital()) {
                groups.add(new Group(channel, SessionState.ACTIVE, NONE));
            }
        }
        for (Group group : groups) {
            Gauge.builder("monitoring.sessions.live", live, l -> l.get().counts().getOrDefault(group, 0L))
                    .description("Monitoring sessions not ended, of every tenant (the same on every instance: use max)")
                    .tag("channel", group.channel().name()).tag("state", group.state().name()).tag("mode", group.mode())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("monitoring.sessions.dialing.oldest.age", live, l -> l.get().oldestDialingSeconds())
                .description("How long the oldest session still DIALING has been dialing (0 when none; B27 ends it)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /** A supervisor started a session (REST, committed). */
    public void started(Session session) {
        Counter.builder("monitoring.session.starts")
                .description("Monitoring sessions started")
                .tag("channel", session.channel().name())
                .register(registry).increment();
    }

    /** A supervisor's request was refused with a problem type (B01-B05, B20, B22, B50, ...). */
    public void refused(SessionAction action, String problemType) {
        Counter.builder("monitoring.session.refusals")
                .description("Supervisor requests refused, by action and problem type")
                .tag("action", action.name()).tag("type", problemType)
                .register(registry).increment();
    }

    /** B21: the monitor leg answered; the time from the request to ACTIVE. */
    public void dialConnected(Session active) {
        afterCommit.run(() -> {
            dialOutcome(CONNECTED);
            if (active.requestedAt() != null && active.joinedAt() != null) {
                Timer.builder("monitoring.dial.time.to.active")
                        .description("From the supervisor's start to the monitor leg answering (DIALING to ACTIVE)")
                        .publishPercentileHistogram()
                        .register(registry).record(Duration.between(active.requestedAt(), active.joinedAt()));
            }
        });
    }

    /** B26, B27: a session ended while it was still dialing. */
    public void dialEnded(Session before, EndReason reason) {
        if (before.isVoice() && before.state() == SessionState.DIALING) {
            afterCommit.run(() -> dialOutcome(reason.name()));
        }
    }

    /** B25: a session ended because its interaction ended; the time since interaction-service ended it. */
    public void endedAfterInteraction(Instant interactionEndedAt, Instant sessionEndedAt) {
        if (interactionEndedAt == null || sessionEndedAt == null) {
            return;
        }
        Duration latency = Duration.between(interactionEndedAt, sessionEndedAt);
        afterCommit.run(() -> Timer.builder("monitoring.interaction.end.to.monitor.end")
                .description("From interaction-ended (interaction-service) to the session's end here (B25)")
                .publishPercentileHistogram()
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency));
    }

    private void dialOutcome(String outcome) {
        Counter.builder("monitoring.dial.outcomes")
                .description("Voice monitor legs by outcome: CONNECTED, DIAL_FAILED, DIAL_TIMEOUT, or the end reason"
                        + " of a session ended while dialing")
                .tag("outcome", outcome)
                .register(registry).increment();
    }
}
