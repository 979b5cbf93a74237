package cc.monitoring.permission.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A user's extensions, in the order their administrator configured them (B20). */
public record Extensions(List<Extension> inOrder) {

    public static final int MAX = 10;

    public Extensions {
        if (inOrder.size() > MAX) {
            throw new InvalidExtensionException("A user has at most " + MAX + " extensions");
        }
        Set<String> devices = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (Extension extension : inOrder) {
            if (!devices.add(extension.deviceKey())) {
                throw new DuplicateExtensionException("Address " + extension.address() + " is listed twice");
            }
            if (!labels.add(extension.label().toLowerCase(Locale.ROOT))) {
                throw new DuplicateExtensionException("Label '" + extension.label() + "' is used twice");
            }
        }
        inOrder = List.copyOf(inOrder);
    }

    public static Extensions none() {
        return new Extensions(List.of());
    }
}
