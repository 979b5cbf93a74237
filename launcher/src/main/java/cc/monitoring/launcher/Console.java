package cc.monitoring.launcher;

import java.time.Duration;

/** Progress output of the launcher (plain stdout, no logging framework). */
public final class Console {

    private static volatile boolean dots = true;

    private Console() {
    }

    /** Whether waiting prints a dot a second (off while several pieces start at once). */
    public static void progressDots(boolean on) {
        dots = on;
    }

    public static boolean progressDots() {
        return dots;
    }

    public static synchronized void line(String text) {
        System.out.println(text);
        System.out.flush();
    }

    public static synchronized void print(String text) {
        System.out.print(text);
        System.out.flush();
    }

    public static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
