package cc.monitoring.monitor.domain;

/**
 * Text that must fit a column whatever a client sent (B41): control characters (PostgreSQL refuses
 * NUL in text) become {@code '?'}, and text longer than the column is cut, ending in a marker that
 * says how much was cut, so an audit write can never fail on its input.
 */
public final class Bounded {

    private Bounded() {
    }

    /** {@code value} made safe for a column of {@code max} characters; null stays null. */
    public static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
        boolean cutting = value.length() > max;
        boolean marked = cutting && marker(value.length()).length() < max;
        int limit = !cutting ? value.length() : marked ? max - marker(value.length()).length() : max;
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            clean.append(Character.isISOControl(c) ? '?' : c);
        }
        if (cutting && clean.length() > 0 && Character.isHighSurrogate(clean.charAt(clean.length() - 1))) {
            clean.setLength(clean.length() - 1); // never half a character
        }
        if (!marked) {
            return clean.toString();
        }
        int cut = value.length() - clean.length();
        return clean.append("…[+").append(cut).append(']').toString();
    }

    private static String marker(int length) {
        return "…[+" + length + "]";
    }
}
