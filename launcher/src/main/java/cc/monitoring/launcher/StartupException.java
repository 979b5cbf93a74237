package cc.monitoring.launcher;

/** A piece of the stack did not start (or did not become ready before its deadline). */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
