package cc.monitoring.transcript.domain;

import cc.monitoring.kit.problem.DomainException;

/** B30: a monitor reads a transcript, never writes to it. The REST adapter answers 405. */
public final class TranscriptReadOnlyException extends DomainException {
    public TranscriptReadOnlyException() {
        super(Kind.FORBIDDEN, "transcript-read-only", "Transcripts are read-only",
                "A monitor can read a transcript but never post to, change or delete it");
    }
}
