package cc.monitoring.gateway;

import java.util.List;

/** Which service answers which path: the one table a reader needs to know the gateway. */
final class Routes {

    record Route(String pathPrefix, String upstream) {
    }

    static final List<Route> ALL = List.of(
            new Route("/api/me", "permission"),
            new Route("/api/roles", "permission"),
            new Route("/api/users", "permission"),
            new Route("/api/flows", "interaction"),
            new Route("/api/interactions", "interaction"),
            new Route("/api/conversations", "interaction"),
            new Route("/api/agent-desktop", "interaction"),
            new Route("/api/monitoring", "monitoring"),
            new Route("/api/transcripts", "transcript"),
            new Route("/api/telephony", "telephony"));

    private Routes() {
    }
}
