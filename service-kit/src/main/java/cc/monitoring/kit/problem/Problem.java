package cc.monitoring.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** An RFC 9457 problem document. {@code type} is a stable URN per refusal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:problem:monitoring:";

    public static Problem of(String typeSlug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + typeSlug, title, status, detail, null, Map.of());
    }

    public Problem withExtensions(Map<String, Object> more) {
        return new Problem(type, title, status, detail, instance, more);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }
}
