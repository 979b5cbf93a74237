package cc.monitoring.twiliodouble;

/** A refusal answered with Twilio's error body: {@code {"code","message","more_info","status"}}. */
final class TwilioError extends RuntimeException {

    final int status;
    final int code;

    TwilioError(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static TwilioError notFound(String path) {
        return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioError missing(String param) {
        return new TwilioError(400, 20001, "Missing required parameter " + param + " in the post body");
    }

    static TwilioError invalid(String param, String value) {
        return new TwilioError(400, 20001, "Invalid value '" + value + "' for parameter " + param);
    }

    /** Twilio's error code for an injected status: 429 → 20429, 503 → 20503, other 5xx → 20500, other 4xx → 20001. */
    static TwilioError injected(int status) {
        return switch (status) {
            case 429 -> new TwilioError(429, 20429, "Too Many Requests");
            case 401 -> new TwilioError(401, 20003, "Authenticate");
            case 503 -> new TwilioError(503, 20503, "Service Unavailable");
            case 404 -> new TwilioError(404, 20404, "The requested resource was not found");
            default -> status >= 500
                    ? new TwilioError(status, 20500, "An internal server error has occurred")
                    : new TwilioError(status, 20001, "Bad request");
        };
    }
}
