package cc.monitoring.gateway;

import java.util.List;
import java.util.Optional;

/** Which service answers which path: the one table a reader needs to know the gateway. */
final class Routes {

    record Route(String pathPrefix, String upstream) {
        boolean matches(String path) {
            return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
        }
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

    static Optional<Route> of(String path) {
        return ALL.stream().filter(route -> route.matches(path)).findFirst();
    }

    /**
     * A long-lived server-sent-event stream rather than an ordinary request: the client asks for
     * {@code text/event-stream}, or the path is one of the services' stream endpoints
     * ({@code /api/monitoring/stream}, {@code /api/transcripts/{id}/stream}).
     */
    static boolean isStream(String path, String accept) {
        return (accept != null && accept.toLowerCase().contains("text/event-stream"))
                || path.equals("/api/monitoring/stream")
                || (path.startsWith("/api/transcripts/") && path.endsWith("/stream"));
    }

    private Routes() {
    }
}
