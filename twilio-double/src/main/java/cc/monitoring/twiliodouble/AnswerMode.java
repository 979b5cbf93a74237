package cc.monitoring.twiliodouble;

/**
 * How a dialed endpoint (a phone number, {@code client:…} or SIP address) reacts when the double rings it.
 * Nothing waits on a clock: the outcome follows the ringing at once, or when the test says so.
 */
public enum AnswerMode {
    /** Answers right after ringing (the default for every address). */
    AUTO,
    /** Keeps ringing until {@link Endpoints#answer(String)} or {@link Endpoints#noAnswer(String)}. */
    MANUAL,
    /** Busy: the call ends with status {@code busy} right after ringing. */
    BUSY,
    /** Never picks up: the call ends with status {@code no-answer} right after ringing (the Timeout elapsed). */
    NO_ANSWER
}
