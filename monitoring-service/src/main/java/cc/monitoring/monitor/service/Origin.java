package cc.monitoring.monitor.service;

/**
 * B41: where a request came from, as an audit record states it.
 *
 * @param clientAddress the client as the web gateway forwarded it (first X-Forwarded-For value), else the peer
 * @param peerAddress   the TCP peer of this service (the gateway, when there is one)
 * @param userAgent     the client's User-Agent
 * @param requestId     X-Request-Id when the client (or gateway) sent a sane one, else generated here
 */
public record Origin(String clientAddress, String peerAddress, String userAgent, String requestId) {

    /** Nothing to say: the change was not caused by a request (an event, a timer). */
    public static final Origin NONE = new Origin(null, null, null, null);
}
