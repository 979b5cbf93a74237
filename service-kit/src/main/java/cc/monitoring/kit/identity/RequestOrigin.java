package cc.monitoring.kit.identity;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the current request came from, for audit records (B41): the client's address as the web gateway
 * forwarded it ({@code X-Forwarded-For}, first value; else the TCP peer), the TCP peer itself, the
 * {@code User-Agent} and the request id ({@code X-Request-Id} when sane, else one made here). Every value
 * is bounded, so an audit write can never fail on a header's length.
 */
@RequestScoped
public class RequestOrigin {

    public static final int MAX_ADDRESS = 64;
    public static final int MAX_USER_AGENT = 256;
    public static final int MAX_REQUEST_ID = 64;
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final CurrentVertxRequest current;
    private Origin origin;

    public RequestOrigin(CurrentVertxRequest current) {
        this.current = current;
    }

    public Origin get() {
        if (origin == null) {
            origin = read();
        }
        return origin;
    }

    private Origin read() {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        if (request == null) {
            return Origin.system();
        }
        SocketAddress remote = request.remoteAddress();
        String peer = remote == null ? null : remote.hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        String client = forwarded == null || forwarded.isBlank() ? peer : forwarded.split(",")[0].trim();
        String requestId = request.getHeader("X-Request-Id");
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        return new Origin(cut(client, MAX_ADDRESS), cut(peer, MAX_ADDRESS),
                cut(request.getHeader("User-Agent"), MAX_USER_AGENT), requestId);
    }

    /** {@code value} cut to {@code max} characters (the cut marked with "…"); null stays null. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    /** Where a request came from; all null for what the system does by itself. */
    public record Origin(String clientAddress, String peerAddress, String userAgent, String requestId) {
        public static Origin system() {
            return new Origin(null, null, null, null);
        }
    }
}
