package cc.monitoring.twiliodouble;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults injected into the double's REST API, consumed in the order they were added: the next
 * {@code times} requests matching the method and path regex (matched against the whole request path,
 * e.g. {@code .+Participants\.json}) are answered with a Twilio error, or not answered at all.
 */
public final class Faults {

    /** What an injected fault does to a matching request. */
    public enum Kind {
        /** Answers the given status with Twilio's error body; the request has no effect. */
        STATUS,
        /** Answers nothing until {@link TwilioDouble.Options#timeoutHold} elapsed, then drops the connection; no effect. */
        TIMEOUT,
        /** Applies the request, then answers nothing like {@link #TIMEOUT} (the client cannot know it happened). */
        TIMEOUT_AFTER_APPLYING,
        /** Closes the connection at once without an answer; the request has no effect. */
        DROP,
        /** Applies the request, then closes the connection without an answer. */
        DROP_AFTER_APPLYING,
        /**
         * Answers nothing and applies nothing until {@link #release()} (or {@link TwilioDouble.Options#timeoutHold}
         * elapsed, or the double closes), then drops the connection: a request held in flight, e.g. while its
         * client is killed.
         */
        HOLD
    }

    /** One injected fault. */
    public record Fault(String method, Pattern path, Kind kind, int status, int remaining) {
    }

    private final List<Fault> faults = new ArrayList<>();

    /** The next {@code times} matching requests are answered {@code status} (429 → 20429, 5xx → 20500) and not applied. */
    public Faults next(String method, String pathRegex, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected fault answers 4xx or 5xx, not " + status);
        }
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.STATUS, status, times));
    }

    /** The next {@code times} matching requests are not applied and not answered (the client times out). */
    public Faults timeout(String method, String pathRegex, int times) {
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.TIMEOUT, 0, times));
    }

    /** The next {@code times} matching requests are applied but not answered (the client times out). */
    public Faults timeoutAfterApplying(String method, String pathRegex, int times) {
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.TIMEOUT_AFTER_APPLYING, 0, times));
    }

    /** The next {@code times} matching requests are not applied; the connection is closed without an answer. */
    public Faults drop(String method, String pathRegex, int times) {
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.DROP, 0, times));
    }

    /** The next {@code times} matching requests are applied; the connection is then closed without an answer. */
    public Faults dropAfterApplying(String method, String pathRegex, int times) {
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.DROP_AFTER_APPLYING, 0, times));
    }

    /**
     * The next {@code times} matching requests are held unanswered and unapplied until {@link #release()}, then
     * dropped; {@link #held()} tells how many wait.
     */
    public Faults hold(String method, String pathRegex, int times) {
        return add(new Fault(method, Pattern.compile(pathRegex), Kind.HOLD, 0, times));
    }

    private int held;
    private long releases;

    /** Requests held by a {@link Kind#HOLD} fault right now. */
    public synchronized int held() {
        return held;
    }

    /** Lets every held request go: each is dropped without effect. */
    public synchronized void release() {
        releases++;
        notifyAll();
    }

    /** Holds the calling request until {@link #release()} or {@code max} elapsed. */
    synchronized void holdUntilReleased(long maxMillis) {
        long release = releases;
        long deadline = System.currentTimeMillis() + maxMillis;
        held++;
        try {
            long left;
            while (releases == release && (left = deadline - System.currentTimeMillis()) > 0) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held--;
        }
    }

    public synchronized Faults add(Fault fault) {
        if (fault.remaining() < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        faults.add(fault);
        return this;
    }

    /** Faults still waiting for a request. */
    public synchronized List<Fault> pending() {
        return List.copyOf(faults);
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** Takes one use of the first fault matching the request, if any. */
    synchronized Optional<Fault> take(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.method().equalsIgnoreCase(method) && f.path().matcher(path).matches()) {
                if (f.remaining() <= 1) {
                    faults.remove(i);
                } else {
                    faults.set(i, new Fault(f.method(), f.path(), f.kind(), f.status(), f.remaining() - 1));
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
