package cc.monitoring.kit.problem;

import cc.monitoring.kit.KitConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body whose Content-Length is over {@code kit.http.max-body-bytes} with 413 problem+json, on the HTTP
 * router before anything else. Without it, a body over {@code quarkus.http.limits.max-body-size} (e.g. 10 MB) is
 * refused by Quarkus' own router handler (order -2) with a bare 413, before {@link BodySizeLimit} ever runs.
 * Bodies without a Content-Length are still stopped by Quarkus' hard limit.
 */
@ApplicationScoped
public class OversizedBodies {

    /** Before Quarkus' own body-size handler (order -2). */
    static final int ORDER = -10;

    private final KitConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public OversizedBodies(KitConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = -1; // BodySizeLimit answers 400 for it
        }
        if (bytes <= config.http().maxBodyBytes()) {
            context.next();
            return;
        }
        Problem problem = Problem.of("payload-too-large", "Payload too large", 413, "The request body has " + bytes
                + " bytes; at most " + config.http().maxBodyBytes() + " are accepted").at(context.request().path());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + Problem.TYPE_PREFIX + "payload-too-large\",\"status\":413}";
        }
        // the rest of the body is not read: close the connection once answered, as Quarkus does
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
