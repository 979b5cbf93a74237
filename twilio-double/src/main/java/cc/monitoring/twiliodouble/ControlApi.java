package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The double's own control API, unauthenticated, JSON, under {@code /_double/}: what the Java API does,
 * for bin/stack and the console demo.
 * <pre>
 * POST /_double/calls                {accountSid?, from, to}            → {callSid}
 * POST /_double/agents               {accountSid?, conference, address} → {callSid}
 * POST /_double/calls/{sid}/hangup                                      → 204
 * POST /_double/conferences/{sid}/end {accountSid?}                     → 204
 * POST /_double/faults               {method, path, status?, times?, kind?} → 204
 * DELETE /_double/faults                                                → 204
 * POST /_double/endpoints            {address, mode}                    → 204
 * POST /_double/endpoints/answer     {address}                          → {answered}
 * GET  /_double/conferences          conferences with participants and who hears whom
 * GET  /_double/callbacks | /_double/requests | /_double/violations
 * </pre>
 * {@code accountSid} may be left out when the double has one account.
 */
final class ControlApi implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HANGUP = Pattern.compile("/_double/calls/([^/]+)/hangup");
    private static final Pattern END = Pattern.compile("/_double/conferences/([^/]+)/end");

    private final TwilioDouble twilio;
    private final String onlyAccount;

    ControlApi(TwilioDouble twilio, String onlyAccount) {
        this.twilio = twilio;
        this.onlyAccount = onlyAccount;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            try {
                JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
                Object result = route(method, path, body == null ? JSON.createObjectNode() : body);
                if (result == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 200, JSON.writeValueAsBytes(result));
                }
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                send(exchange, e instanceof NotFound ? 404 : 400,
                        JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
            }
        }
    }

    private Object route(String method, String path, JsonNode body) {
        Matcher m;
        if ("POST".equals(method) && "/_double/calls".equals(path)) {
            return Map.of("callSid", twilio.placeInboundCall(account(body), text(body, "from"), text(body, "to")));
        }
        if ("POST".equals(method) && "/_double/agents".equals(path)) {
            return Map.of("callSid", twilio.connectAgent(account(body), text(body, "conference"), text(body, "address")));
        }
        if ("POST".equals(method) && (m = HANGUP.matcher(path)).matches()) {
            twilio.hangUp(m.group(1));
            return null;
        }
        if ("POST".equals(method) && (m = END.matcher(path)).matches()) {
            twilio.endConference(account(body), m.group(1));
            return null;
        }
        if ("/_double/faults".equals(path)) {
            if ("DELETE".equals(method)) {
                twilio.faults().clear();
                return null;
            }
            if ("POST".equals(method)) {
                String kind = body.path("kind").asText("STATUS").toUpperCase(Locale.ROOT).replace('-', '_');
                int times = body.path("times").asInt(1);
                String faultMethod = text(body, "method");
                String faultPath = text(body, "path");
                Faults.Kind k = Faults.Kind.valueOf(kind);
                if (k == Faults.Kind.STATUS) {
                    twilio.faults().next(faultMethod, faultPath, body.path("status").asInt(500), times);
                } else {
                    twilio.faults().add(new Faults.Fault(faultMethod, Pattern.compile(faultPath), k, 0, times));
                }
                return null;
            }
        }
        if ("POST".equals(method) && "/_double/endpoints".equals(path)) {
            twilio.endpoints().answerMode(text(body, "address"),
                    AnswerMode.valueOf(text(body, "mode").toUpperCase(Locale.ROOT).replace('-', '_')));
            return null;
        }
        if ("POST".equals(method) && "/_double/endpoints/answer".equals(path)) {
            return Map.of("answered", twilio.endpoints().answer(text(body, "address")));
        }
        if ("GET".equals(method)) {
            switch (path) {
                case "/_double/conferences" -> {
                    return twilio.conferences();
                }
                case "/_double/callbacks" -> {
                    return twilio.callbacks();
                }
                case "/_double/requests" -> {
                    return twilio.requests();
                }
                case "/_double/violations" -> {
                    return twilio.requestViolations();
                }
                default -> {
                    // falls through to 404
                }
            }
        }
        throw new NotFound(method + " " + path + " is not part of the double's control API");
    }

    private String account(JsonNode body) {
        String sid = body.path("accountSid").asText(null);
        if (sid != null) {
            return sid;
        }
        if (onlyAccount == null) {
            throw new IllegalArgumentException("accountSid is required: the double has several accounts");
        }
        return onlyAccount;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static final class NotFound extends IllegalArgumentException {
        NotFound(String message) {
            super(message);
        }
    }
}
