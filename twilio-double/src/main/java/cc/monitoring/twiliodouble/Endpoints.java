package cc.monitoring.twiliodouble;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phones, Twilio Clients and SIP addresses the double dials: how each answers
 * ({@link AnswerMode#AUTO} unless told otherwise), and the hand of a person picking up a ringing call.
 */
public final class Endpoints {

    private final Map<String, AnswerMode> modes = new ConcurrentHashMap<>();
    private final Engine engine;

    Endpoints(Engine engine) {
        this.engine = engine;
    }

    /** How {@code address} (e.g. {@code client:supervisor-1}, {@code +15005550006}) answers from now on. */
    public Endpoints answerMode(String address, AnswerMode mode) {
        modes.put(address, mode);
        return this;
    }

    public AnswerMode answerMode(String address) {
        return modes.getOrDefault(address, AnswerMode.AUTO);
    }

    /** Picks up every call ringing at {@code address} (for {@link AnswerMode#MANUAL}); returns how many. */
    public int answer(String address) {
        return engine.answerRinging(address, true);
    }

    /** Lets every call ringing at {@code address} time out unanswered ({@code no-answer}); returns how many. */
    public int noAnswer(String address) {
        return engine.answerRinging(address, false);
    }

    void reset() {
        modes.clear();
    }
}
