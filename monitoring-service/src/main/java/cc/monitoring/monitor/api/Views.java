package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.monitor.domain.Extension;
import cc.monitoring.monitor.domain.ModeChange;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.ParticipantEntity;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.service.AgentBoard;
import cc.monitoring.monitor.service.MonitoringTable;
import cc.monitoring.monitor.service.TranscriptReviews;

import java.time.Instant;
import java.util.List;

/** Response and request bodies of monitoring-service. */
final class Views {

    private Views() {
    }

    record StartRequest(String interactionId, String extension) {
    }

    /**
     * A session as its supervisor sees it. {@code mode} is the mode the telephony provider confirmed;
     * {@code pendingMode} the one asked for and not yet confirmed; {@code lastRefusal} why the provider
     * refused the last change (B29).
     */
    record SessionView(String sessionId, String interactionId, Channel channel, SessionState state, SessionMode mode,
                       SessionMode pendingMode, RefusalView lastRefusal, Extension extension, EndReason endReason,
                       String endDetail, Instant requestedAt, Instant joinedAt, Instant endedAt) {
        static SessionView of(Session s) {
            return new SessionView(s.id(), s.interactionId(), s.channel(), s.state(), s.mode(),
                    s.pending() == null ? null : s.pending().mode(), RefusalView.of(s.lastRefusal()), s.extension(),
                    s.endReason(), s.endDetail(), s.requestedAt(), s.joinedAt(), s.endedAt());
        }
    }

    /** The mode asked for, why the provider refused it, and when. */
    record RefusalView(SessionMode mode, String reason, Instant at) {
        static RefusalView of(ModeChange refusal) {
            return refusal == null ? null : new RefusalView(refusal.mode(), refusal.reason(), refusal.at());
        }
    }

    /** Who monitors an interaction now, and since when. */
    record MonitorView(String sessionId, String supervisorId, String supervisorName, SessionState state,
                       SessionMode mode, Instant since) {
        static MonitorView of(SessionEntity s) {
            return new MonitorView(s.sessionId, s.supervisorId, s.supervisorName, s.state, s.mode,
                    s.joinedAt != null ? s.joinedAt : s.requestedAt);
        }
    }

    /** Whether the caller can press Monitor (or Review, B34) on this row, and if not, why (B52). */
    record MonitorAction(boolean allowed, String reason) {
        static MonitorAction of(java.util.Optional<String> whyNot) {
            return new MonitorAction(whyNot.isEmpty(), whyNot.orElse(null));
        }
    }

    record Row(String interactionId, Channel channel, String flowId, String flowName, String agentId, String agentName,
               String customer, String state, Instant startedAt, Instant endedAt, long lastMessageSeq,
               boolean newDetails, List<MonitorView> monitors, MonitorAction monitor, MonitorAction review) {
        static Row of(MonitoringTable.Row row) {
            InteractionEntity i = row.interaction();
            return new Row(i.interactionId, i.channel, i.flowId, i.flowName, i.agentId, i.agentName, i.customer, i.state,
                    i.startedAt, i.endedAt, i.lastMessageSeq, row.newDetails(),
                    row.monitors().stream().map(MonitorView::of).toList(), MonitorAction.of(row.whyNotMonitor()),
                    MonitorAction.of(row.whyNotReview()));
        }
    }

    /** B13: {@code total} rows match every filter; {@code counts} apply every filter but the state. */
    /** {@code page} is -1 for a page read by {@code cursor}; {@code next}: the cursor of the next page, null on the last. */
    record TablePage(List<Row> items, int page, int size, boolean hasMore, long total, TableCounts counts, String next) {
    }

    record TableCounts(long active, long previouslyMonitored) {
        static TableCounts of(InteractionRepository.TableCounts counts) {
            return new TableCounts(counts.active(), counts.previouslyMonitored());
        }
    }

    /** An agent of the agents view with their current interactions as table rows. */
    record AgentRow(String agentId, String agentName, AgentBoard.AgentState state, boolean loggedIn, Instant since,
                    List<Row> interactions) {
        static AgentRow of(AgentBoard.Agent a) {
            return new AgentRow(a.agentId(), a.agentName(), a.state(), a.loggedIn(), a.since(),
                    a.interactions().stream().map(Row::of).toList());
        }
    }

    record AgentCounts(long onInteraction, long available) {
    }

    record AgentPage(List<AgentRow> items, int page, int size, boolean hasMore, AgentCounts counts) {
        static AgentPage of(AgentBoard.Page p) {
            return new AgentPage(p.agents().stream().map(AgentRow::of).toList(), p.page(), p.size(), p.hasMore(),
                    new AgentCounts(p.counts().onInteraction(), p.counts().available()));
        }
    }

    /** A started review (B34): the reviewer reads the transcript from transcript-service until {@code expiresAt}. */
    record ReviewView(String interactionId, String reviewer, Instant expiresAt) {
        static ReviewView of(TranscriptReviews.Review r) {
            return new ReviewView(r.interactionId(), r.reviewer(), r.expiresAt());
        }
    }

    record ParticipantView(String participantId, String role, String displayName, Instant joinedAt) {
        static ParticipantView of(ParticipantEntity p) {
            return new ParticipantView(p.key.participantId(), p.role, p.displayName, p.joinedAt);
        }
    }

    /** B32: Interaction Details, Active Participants, Interaction Monitors. */
    record DetailsView(Row details, List<ParticipantView> participants, List<MonitorView> monitors) {
        static DetailsView of(MonitoringTable.Details d) {
            Row row = Row.of(d.row());
            return new DetailsView(row, d.participants().stream().map(ParticipantView::of).toList(), row.monitors());
        }
    }

    /**
     * B40/B41: who ({@code actorKind} USER or SYSTEM; {@code subjectId} the supervisor concerned), what,
     * when, the outcome (with the refusal's {@code problemType}), and from where.
     */
    record AuditView(long id, Instant at, String actorKind, String actorId, String actorName, String subjectId,
                     String action, String outcome, String problemType, String interactionId, String sessionId,
                     String detail, String clientAddress, String peerAddress, String userAgent, String requestId) {
        static AuditView of(AuditRecordEntity a) {
            return new AuditView(a.id, a.at, a.actorKind, a.actorId, a.actorName, a.subjectId, a.action, a.outcome,
                    a.problemType, a.interactionId, a.sessionId, a.detail, a.clientAddress, a.peerAddress, a.userAgent,
                    a.requestId);
        }
    }

    record AuditPage(List<AuditView> items, int page, int size, boolean hasMore) {
    }

    /** What the console needs to know about the caller. */
    record MeView(String tenantId, String userId, String displayName, List<String> permissions,
                  List<Extension> extensions, boolean loggedInAsAgent, List<SessionView> liveSessions) {
    }
}
