package cc.monitoring.transcript.domain;

import cc.monitoring.kit.problem.DomainException;

public final class TranscriptNotPermittedException extends DomainException {
    public TranscriptNotPermittedException() {
        super(Kind.FORBIDDEN, "transcript-not-permitted", "Not permitted",
                "Reading a transcript needs an active monitoring session on the interaction");
    }
}
