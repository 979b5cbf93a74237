package cc.monitoring.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TokensTest {

    /** The public half OidcWiremockTestResource serves in its JWKS (kid 1). */
    private static PublicKey wiremockPublicKey() throws Exception {
        try (InputStream in = TokensTest.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            return ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .getPublicKey();
        }
    }

    private static JwtConsumer verifier() throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(wiremockPublicKey())
                .setExpectedIssuer("https://server.example.com")
                .setExpectedAudience("https://server.example.com")
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    @Test
    void mintedTokenVerifiesWithTheWiremockKeyAndCarriesTheClaims() throws Exception {
        String token = Tokens.user("tenant-a", "user-123").name("Sam Supervisor").groups("Supervisor").sign();
        JwtClaims claims = verifier().processToClaims(token);
        assertEquals("user-123", claims.getSubject());
        assertEquals("tenant-a", claims.getStringClaimValue("tenant"));
        assertEquals(List.of("Supervisor"), claims.getStringListClaimValue("groups"));
        assertEquals("Sam Supervisor", claims.getStringClaimValue("name"));
        assertEquals("Sam Supervisor", claims.getStringClaimValue("preferred_username"));
        assertTrue(claims.getExpirationTime().getValueInMillis() > System.currentTimeMillis());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("1", jws.getKeyIdHeaderValue());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
    }

    @Test
    void forgedTokenHasTheSameClaimsButABadSignature() throws Exception {
        String good = Tokens.user("tenant-a", "user-123").sign();
        String forged = Tokens.user("tenant-a", "user-123").signForged();
        assertNotEquals(good.substring(good.lastIndexOf('.')), forged.substring(forged.lastIndexOf('.')));
        InvalidJwtException e = assertThrows(InvalidJwtException.class, () -> verifier().processToClaims(forged));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
        // the claims themselves are fine
        JwtClaims unverified = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(forged);
        assertEquals("tenant-a", unverified.getStringClaimValue("tenant"));
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String expired = Tokens.user("tenant-a", "user-123").expired().sign();
        InvalidJwtException e = assertThrows(InvalidJwtException.class, () -> verifier().processToClaims(expired));
        assertTrue(e.hasExpired());
    }

    @Test
    void noTenantClaimWhenTenantIsNull() throws Exception {
        JwtClaims claims = verifier().processToClaims(Tokens.user(null, "x").sign());
        assertNull(claims.getClaimValue("tenant"));
        assertFalse(claims.hasClaim("groups"));
        assertEquals("x", claims.getStringClaimValue("preferred_username"));
    }

    @Test
    void uniqueTenants() {
        String a = Tokens.uniqueTenant();
        assertTrue(a.startsWith("t-"));
        assertNotEquals(a, Tokens.uniqueTenant());
    }
}
