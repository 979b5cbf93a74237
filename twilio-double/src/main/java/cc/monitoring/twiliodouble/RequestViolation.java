package cc.monitoring.twiliodouble;

import java.util.List;

/** A request that does not conform to the vendored Twilio OpenAPI, and why. */
public record RequestViolation(RecordedRequest request, List<String> problems) {
}
