package cc.monitoring.permission.domain;

import java.util.Set;
import java.util.regex.Pattern;

/** A user of a tenant as permission-service knows them: their role decides what they may do. */
public record UserProfile(String subject, String displayName, Role role, Extensions extensions, long revision) {

    /** Ids are bounded at the API to 64 characters (an identity provider's 'sub' is a UUID: 36). */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:|-]{1,64}");
    private static final int MAX_NAME = 200;

    /** Checks a subject as it arrives in a path or body. */
    public static String checkSubject(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new InvalidUserException("A user's subject is the identity provider's 'sub': 1 to 64 letters, digits or . _ @ : | -");
        }
        return subject;
    }

    /** Checks a display name; a missing one falls back to the subject. */
    public static String checkDisplayName(String displayName, String subject) {
        if (displayName == null || displayName.isBlank()) {
            return subject;
        }
        if (displayName.trim().length() > MAX_NAME) {
            throw new InvalidUserException("A display name has at most " + MAX_NAME + " characters");
        }
        return displayName.trim();
    }

    public Set<Permission> effectivePermissions() {
        return role.permissions();
    }

    public boolean may(Permission permission) {
        return role.grants(permission);
    }
}
