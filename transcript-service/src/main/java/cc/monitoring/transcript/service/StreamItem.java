package cc.monitoring.transcript.service;

import cc.monitoring.transcript.domain.Message;

/** What a transcript stream sends (B51). */
public sealed interface StreamItem {

    /** A message, in order of sequence. */
    record Posted(String interactionId, Message message) implements StreamItem {
    }

    /** The interaction ended and every message was sent; the stream completes. */
    record Ended(String interactionId, long next) implements StreamItem {
    }

    /** The viewer may no longer read (their session ended, their permission went); the stream completes. */
    record Closed(String interactionId, String reason) implements StreamItem {
    }
}
