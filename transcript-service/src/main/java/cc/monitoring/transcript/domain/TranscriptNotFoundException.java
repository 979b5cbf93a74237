package cc.monitoring.transcript.domain;

import cc.monitoring.kit.problem.DomainException;

/** Also the answer for another tenant's interaction (B06): its existence is not revealed. */
public final class TranscriptNotFoundException extends DomainException {
    public TranscriptNotFoundException(String interactionId) {
        super(Kind.NOT_FOUND, "transcript-not-found", "No such transcript",
                "No transcript for interaction " + InteractionId.printable(interactionId));
    }
}
