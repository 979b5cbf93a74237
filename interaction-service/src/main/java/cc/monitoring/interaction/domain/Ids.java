package cc.monitoring.interaction.domain;

/**
 * Bounds of the ids a client sends in paths, bodies and query parameters: at most {@value #MAX_LENGTH}
 * characters, none of them a control character. (Ids in events from other services keep their own, wider
 * bound: a call's agent id may have up to 200 characters.)
 */
public final class Ids {

    public static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** Whether {@code id} may be an id at all: 1 to {@value #MAX_LENGTH} characters, no control characters. */
    public static boolean isSane(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && id.chars().noneMatch(Character::isISOControl);
    }

    /** Checks an id from a path: 400 {@code invalid-id} unless it {@link #isSane is sane}. */
    public static String checkPath(String id, String field) {
        if (!isSane(id)) {
            throw new InvalidIdException(field);
        }
        return id;
    }
}
