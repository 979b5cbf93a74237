package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.interaction.Channel;

/**
 * What is known about an interaction's transcript.
 *
 * @param channel null while only messages arrived and interaction-started did not (a misbehaving producer)
 */
public record Transcript(String interactionId, String tenantId, Channel channel, boolean ended, long lastSequence) {

    /** Nothing stored yet, but the viewer monitors it: an empty transcript that is still going on. */
    public static Transcript empty(String interactionId, String tenantId, Channel channel) {
        return new Transcript(interactionId, tenantId, channel, false, 0);
    }
}
