package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.Channel;

import java.util.Locale;

/** Which interactions a listing shows; null means any. Parsed from query parameters as a client sends them. */
public record InteractionFilter(InteractionState state, Channel channel, String agentId) {

    public static InteractionFilter parse(String state, String channel, String agentId) {
        return new InteractionFilter(parseEnum(InteractionState.class, "state", state),
                parseEnum(Channel.class, "channel", channel),
                agentId(agentId));
    }

    private static String agentId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Ids.isSane(value)) {
            throw new InvalidQueryException("'agentId' has at most " + Ids.MAX_LENGTH + " printable characters");
        }
        return value;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("'" + name + "' is one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
