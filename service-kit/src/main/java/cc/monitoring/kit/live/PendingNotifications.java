package cc.monitoring.kit.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notifications of one transaction: one per (channel, key), in the order first named. The detail
 * stays only if every mention named the same one; a mention without a detail, or with another, drops it.
 */
final class PendingNotifications {

    record Notification(String channel, String payload) {
    }

    private record Target(String channel, String key) {
    }

    private static final class Detail {
        String value;

        Detail(String value) {
            this.value = value;
        }
    }

    private final Map<Target, Detail> pending = new LinkedHashMap<>();

    void add(String channel, String key, String detail) {
        Detail known = pending.putIfAbsent(new Target(channel, key), new Detail(detail));
        if (known != null && !Objects.equals(known.value, detail)) {
            known.value = null;
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    List<Notification> notifications() {
        List<Notification> all = new ArrayList<>(pending.size());
        pending.forEach((target, detail) ->
                all.add(new Notification(target.channel(), LivePayload.encode(target.key(), detail.value))));
        return all;
    }
}
