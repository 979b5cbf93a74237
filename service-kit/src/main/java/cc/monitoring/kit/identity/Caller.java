package cc.monitoring.kit.identity;

import java.util.Set;

/**
 * Who is calling, as proven by a verified bearer token. The tenant always comes from the token,
 * never from a request body or path.
 *
 * @param groups role names the identity provider put in the token; used only to provision a user
 *               seen for the first time, never to authorize
 */
public record Caller(String tenantId, String userId, String displayName, Set<String> groups) {
}
