package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** Voice interactions follow the telephony gateway's calls; the channel platform cannot change them. */
public final class VoiceInteractionException extends DomainException {
    public VoiceInteractionException(String interactionId) {
        super(Kind.CONFLICT, "voice-interaction", "Voice interaction", "Interaction " + interactionId
                + " is a voice call: it follows telephony events and takes no messages or participants over this API");
    }
}
