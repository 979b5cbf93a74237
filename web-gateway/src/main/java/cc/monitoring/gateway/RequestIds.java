package cc.monitoring.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id every proxied request carries: the client's if it is sane, else a new one. */
final class RequestIds {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static String keepOrCreate(String sent) {
        return sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
