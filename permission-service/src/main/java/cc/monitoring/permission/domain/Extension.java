package cc.monitoring.permission.domain;

import java.util.Locale;

/** One place where a user can take a monitor leg. */
public record Extension(String label, ExtensionKind kind, String address) {

    private static final int MAX_LABEL = 60;

    public Extension {
        if (label == null || label.isBlank() || label.trim().length() > MAX_LABEL) {
            throw new InvalidExtensionException("An extension needs a label of 1 to " + MAX_LABEL + " characters");
        }
        label = label.trim();
        address = address == null ? null : address.trim();
        if (!kind.accepts(address)) {
            throw new InvalidExtensionException("Address '" + address + "' of extension '" + label + "' is not "
                    + kind.example());
        }
    }

    public static Extension of(String label, String kind, String address) {
        return new Extension(label, ExtensionKind.parse(kind), address);
    }

    /** Two extensions that ring the same device are the same extension. */
    String deviceKey() {
        return kind + "|" + address.toLowerCase(Locale.ROOT);
    }
}
