package cc.monitoring.contracts.permission;

/** A user was removed from the tenant: they hold no permission any more. */
public record UserRemoved(String tenantId, String userId, long revision) {
}
