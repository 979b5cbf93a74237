package cc.monitoring.systemtest.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules every answer is held to, whoever asked and however:
 * <ul>
 *     <li>an HTTP answer at all, and never a 5xx;</li>
 *     <li>every 4xx is {@code application/problem+json} with a non-empty {@code type}, and no error body carries
 *     stack trace text ("Exception", "at cc.monitoring");</li>
 *     <li>the probe's own demand: a required status (401 for a bad token on a secured endpoint, 413 for a 10 MB
 *     body), or no 2xx (another tenant's id, a page or id beyond the bounds, an invalid token);</li>
 *     <li>B06: another tenant's resource, named by its server-issued id in the path, answers 403 or 404 (405 where the
 *     method is never allowed), nothing that tells it exists;</li>
 *     <li>B06: no 2xx answer to a user of one tenant contains anything of the other tenant that the request did not
 *     carry itself;</li>
 *     <li>B07: no 2xx answer to an agent, the channel platform or the phone simulator names a monitoring session or
 *     a monitor's extension.</li>
 * </ul>
 */
final class Verdicts {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Violation(Probe probe, RawHttp.Answer answer, String cause) {
    }

    private final List<TenantFixture> tenants;

    Verdicts(List<TenantFixture> tenants) {
        this.tenants = tenants;
    }

    List<Violation> judge(Probe probe, RawHttp.Answer answer) {
        List<Violation> found = new ArrayList<>();
        int status = answer.status();
        if (status < 0) {
            found.add(new Violation(probe, answer, "no HTTP answer"));
            return found;
        }
        if (status >= 500) {
            found.add(new Violation(probe, answer, "5xx"));
        }
        if (status >= 400 && status < 500) {
            if (!answer.isProblem()) {
                found.add(new Violation(probe, answer, "4xx without application/problem+json"));
            } else if (problemType(answer.body()).isBlank()) {
                found.add(new Violation(probe, answer, "problem+json without a type"));
            }
        }
        if (status >= 400 && (answer.body().contains("Exception") || answer.body().contains("at cc.monitoring"))) {
            found.add(new Violation(probe, answer, "stack trace text in the body"));
        }
        if (probe.requiredStatus() != 0 && status != probe.requiredStatus() && status < 500) {
            found.add(new Violation(probe, answer, "expected " + probe.requiredStatus()));
        }
        if (probe.hidesExistence() && status >= 400 && status < 500 && status != 403 && status != 404 && status != 405) {
            found.add(new Violation(probe, answer, "B06 another tenant's id answered " + status
                    + " (only 403 or 404 keep its existence secret)"));
        }
        boolean success = status >= 200 && status < 300;
        if (success && probe.mustRefuse() != null) {
            found.add(new Violation(probe, answer, probe.mustRefuse()));
        }
        if (success && probe.caller().hasValidToken()) {
            for (TenantFixture t : tenants) {
                if (t != probe.caller().tenant()) {
                    leaked(probe, answer, t.markers()).ifPresent(m -> found.add(new Violation(probe, answer,
                            "B06 answer holds the other tenant's " + m)));
                }
            }
            if (probe.caller().mustNotSeeMonitors()) {
                leaked(probe, answer, probe.caller().tenant().silentMarkers()).ifPresent(m -> found.add(
                        new Violation(probe, answer, "B07 answer to " + probe.caller().role() + " reveals a monitor: " + m)));
            }
        }
        return found;
    }

    private static java.util.Optional<String> leaked(Probe probe, RawHttp.Answer answer, Map<String, String> markers) {
        for (Map.Entry<String, String> m : markers.entrySet()) {
            String value = m.getValue();
            if (value != null && !value.isBlank() && answer.body().contains(value) && !probe.carries(value)) {
                return java.util.Optional.of(m.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    private static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem == null ? "" : problem.path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
