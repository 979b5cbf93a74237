package cc.monitoring.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256-signed access tokens that quarkus-oidc accepts when the test runs with
 * {@code io.quarkus.test.oidc.server.OidcWiremockTestResource}: signed with that resource's private key
 * ({@code privateKey.jwk} from quarkus-test-oidc-server, key id {@value #KEY_ID}), issuer {@value #ISSUER}
 * (the issuer its discovery document announces), audience {@value #AUDIENCE}.
 *
 * <pre>
 * String t       = Tokens.user("tenant-a", "user-123").name("Sam Supervisor").groups("Supervisor").sign();
 * String forged  = Tokens.user("tenant-a", "user-123").signForged();
 * String expired = Tokens.user("tenant-a", "user-123").expired().sign();
 * String noTenant = Tokens.user(null, "x").sign();
 * </pre>
 *
 * Claims: {@code iss}, {@code sub} (user id), {@code aud}, {@code iat}, {@code exp}, {@code jti},
 * {@code tenant} (omitted when null), {@code groups} (roles), {@code name} and {@code preferred_username}
 * (display name; the user id when no name is given).
 */
public final class Tokens {

    /** Issuer in OidcWiremockTestResource's discovery document (system property quarkus.test.oidc.token.issuer). */
    public static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer", "https://server.example.com");
    /** Audience OidcWiremockTestResource puts in its own tokens. */
    public static final String AUDIENCE = System.getProperty("quarkus.test.oidc.token.audience",
            "https://server.example.com");
    /** Key id of the signing key in OidcWiremockTestResource's JWKS. */
    public static final String KEY_ID = "1";
    /** Classpath resource (in quarkus-test-oidc-server) holding the private signing key. */
    public static final String PRIVATE_KEY_RESOURCE = "privateKey.jwk";

    public static final String TENANT_CLAIM = "tenant";
    public static final String GROUPS_CLAIM = "groups";

    private static volatile PrivateKey signingKey;

    private Tokens() {
    }

    /** A token for {@code userId} in {@code tenant}; {@code tenant == null} leaves the tenant claim out. */
    public static Builder user(String tenant, String userId) {
        return new Builder(tenant, userId);
    }

    /** A fresh tenant id, so each test works in its own tenant on shared infrastructure. */
    public static String uniqueTenant() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The private key OidcWiremockTestResource's JWKS verifies. */
    public static PrivateKey signingKey() {
        PrivateKey key = signingKey;
        if (key == null) {
            key = signingKey = loadSigningKey();
        }
        return key;
    }

    private static PrivateKey loadSigningKey() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(PRIVATE_KEY_RESOURCE);
        if (in == null) {
            in = Tokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY_RESOURCE);
        }
        if (in == null) {
            throw new IllegalStateException(PRIVATE_KEY_RESOURCE
                    + " not on the classpath: add io.quarkus:quarkus-test-oidc-server (test scope)");
        }
        try (InputStream stream = in) {
            String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(json)).getPrivateKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot read " + PRIVATE_KEY_RESOURCE, e);
        }
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fluent token description; {@link #sign()} or {@link #signForged()} produce the compact JWT. */
    public static final class Builder {
        private final String tenant;
        private final String userId;
        private String name;
        private final Set<String> groups = new LinkedHashSet<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Duration lifespan = Duration.ofHours(1);
        private boolean expired;

        private Builder(String tenant, String userId) {
            this.tenant = tenant;
            this.userId = userId;
        }

        /** Display name, sent as {@code name} and {@code preferred_username}. */
        public Builder name(String displayName) {
            this.name = displayName;
            return this;
        }

        /** Roles, sent in the {@code groups} claim (quarkus-oidc's default role claim). */
        public Builder groups(String... roles) {
            groups.addAll(List.of(roles));
            return this;
        }

        /** Any further claim (overrides the defaults above if the name clashes). */
        public Builder claim(String claimName, Object value) {
            extra.put(claimName, value);
            return this;
        }

        public Builder issuer(String iss) {
            this.issuer = iss;
            return this;
        }

        /** {@code null} leaves the audience out. */
        public Builder audience(String aud) {
            this.audience = aud;
            return this;
        }

        /** Validity from now (default one hour). */
        public Builder lifespan(Duration validity) {
            this.lifespan = validity;
            return this;
        }

        /** Issued two hours ago, expired one hour ago (well beyond any clock-skew allowance). */
        public Builder expired() {
            this.expired = true;
            return this;
        }

        /** Signed with the key OidcWiremockTestResource publishes: accepted (unless expired etc.). */
        public String sign() {
            return claims().jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(signingKey());
        }

        /**
         * Same claims and same key id ({@value #KEY_ID}), but signed with a freshly generated RSA key: the
         * signature does not verify, quarkus-oidc must answer 401.
         */
        public String signForged() {
            return claims().jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(freshKey());
        }

        private JwtClaimsBuilder claims() {
            Instant now = Instant.now();
            Instant issuedAt = expired ? now.minus(Duration.ofHours(2)) : now;
            Instant expiresAt = expired ? now.minus(Duration.ofHours(1)) : now.plus(lifespan);
            String display = name != null ? name : userId;
            JwtClaimsBuilder b = Jwt.claims()
                    .issuer(issuer)
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .claim("jti", UUID.randomUUID().toString());
            if (userId != null) {
                b.subject(userId);
            }
            if (audience != null) {
                b.audience(audience);
            }
            if (tenant != null) {
                b.claim(TENANT_CLAIM, tenant);
            }
            if (display != null) {
                b.claim("name", display);
                b.claim("preferred_username", display);
            }
            if (!groups.isEmpty()) {
                b.groups(new LinkedHashSet<>(groups));
            }
            extra.forEach(b::claim);
            return b;
        }
    }
}
