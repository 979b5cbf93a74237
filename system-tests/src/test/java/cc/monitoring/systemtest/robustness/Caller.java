package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.SystemUnderTest;
import cc.monitoring.systemtest.User;
import cc.monitoring.testsupport.Tokens;

import java.time.Duration;
import java.util.List;

/**
 * Who sends a probe: a user of one tenant in one role, or someone without a valid token.
 *
 * @param tenant the caller's tenant ({@code null} for an invalid token)
 * @param role   the role's name, or what is wrong with the token
 * @param token  the bearer token ({@code null}: none sent)
 */
record Caller(String label, TenantFixture tenant, String role, String token) {

    static Caller of(TenantFixture tenant, String role) {
        User u = tenant.user(role);
        return new Caller(role + "@" + tenant.label, tenant, role, u.token());
    }

    boolean hasValidToken() {
        return tenant != null;
    }

    /** B07: identities whose answers must never reveal a monitor (an agent; the machines customers talk through). */
    boolean mustNotSeeMonitors() {
        return tenant != null && List.of(TenantFixture.AGENT, TenantFixture.CHANNEL_PLATFORM, TenantFixture.PHONE_SIMULATOR)
                .contains(role);
    }

    /**
     * Tokens that must get nobody in, each for an administrator of {@code tenant} (so only the token's flaw keeps
     * them out). {@code strict}: the answer must be 401; the token without a tenant claim may also be refused as 403.
     */
    static List<InvalidToken> invalidTokens(TenantFixture tenant) {
        String subject = tenant.user(TenantFixture.ADMINISTRATOR).id();
        return List.of(
                new InvalidToken(new Caller("no token", null, "no token", null), true),
                new InvalidToken(new Caller("token signed by an unknown key", null, "forged",
                        admin(tenant.tenant, subject).signForged()), true),
                new InvalidToken(new Caller("expired token", null, "expired",
                        admin(tenant.tenant, subject).expired().sign()), true),
                new InvalidToken(new Caller("token for another audience", null, "wrong audience",
                        admin(tenant.tenant, subject).audience("some-other-api").sign()), true),
                new InvalidToken(new Caller("token without tenant claim", null, "no tenant",
                        admin(null, subject).sign()), false));
    }

    record InvalidToken(Caller caller, boolean strict) {
    }

    private static Tokens.Builder admin(String tenant, String subject) {
        return Tokens.user(tenant, subject).name("Ada Forger").groups(TenantFixture.ADMINISTRATOR)
                .audience(SystemUnderTest.AUDIENCE).lifespan(Duration.ofHours(1));
    }

    @Override
    public String toString() {
        return label;
    }
}
