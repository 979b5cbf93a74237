package cc.monitoring.contracts.permission;

/**
 * One of a user's extensions, where a monitor leg can be dialed.
 *
 * @param kind {@code PSTN}, {@code SIP} or {@code WEBRTC}
 */
public record ExtensionData(String label, String kind, String address) {
}
