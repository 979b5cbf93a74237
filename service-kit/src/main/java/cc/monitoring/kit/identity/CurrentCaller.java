package cc.monitoring.kit.identity;

import cc.monitoring.kit.KitConfig;
import cc.monitoring.kit.problem.DomainException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The {@link Caller} of the current request, read once from the verified token. */
@RequestScoped
public class CurrentCaller {

    private static final int MAX_TENANT_LENGTH = 100;

    private final JsonWebToken token;
    private final KitConfig config;
    private Caller caller;

    public CurrentCaller(JsonWebToken token, KitConfig config) {
        this.token = token;
        this.config = config;
    }

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (token == null || token.getSubject() == null) {
            throw new NoIdentity();
        }
        Object tenant = token.getClaim(config.identity().tenantClaim());
        String tenantId = tenant == null ? null : tenant.toString().replace("\"", "").trim();
        if (tenantId == null || tenantId.isEmpty() || tenantId.length() > MAX_TENANT_LENGTH) {
            throw new NoTenant(config.identity().tenantClaim());
        }
        String name = firstNonBlank(token.getClaim("name"), token.getClaim("preferred_username"), token.getSubject());
        Set<String> groups = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        return new Caller(tenantId, token.getSubject(), name, groups);
    }

    private static String firstNonBlank(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return null;
    }

    static final class NoTenant extends DomainException {
        NoTenant(String claim) {
            super(Kind.FORBIDDEN, "tenant-missing", "No tenant in token",
                    "The access token carries no '" + claim + "' claim; ask your administrator to assign you to a tenant");
        }
    }

    static final class NoIdentity extends DomainException {
        NoIdentity() {
            super(Kind.UNAUTHORIZED, "unauthenticated", "Authentication required", "A valid bearer token is required");
        }
    }
}
