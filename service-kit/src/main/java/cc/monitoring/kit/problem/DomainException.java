package cc.monitoring.kit.problem;

import java.util.Map;

/**
 * A refusal by a domain rule. Plain Java: domain code throws it without knowing about HTTP; the
 * REST adapter turns it into {@code application/problem+json} with {@link #type()} as a stable type.
 */
public abstract class DomainException extends RuntimeException {

    /** How the refusal maps onto HTTP. */
    public enum Kind {
        INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415), TOO_MANY_REQUESTS(429);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String type;
    private final String title;

    protected DomainException(Kind kind, String type, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** Stable, short, kebab-case: clients switch on it. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem document, e.g. the id of a conflicting session. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
