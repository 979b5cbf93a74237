package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks what the channel platform sends before it reaches an {@link Interaction}: every refusal is a
 * 400 {@code invalid-conversation} naming the field, never a failure deeper down.
 */
public final class ConversationInput {

    private ConversationInput() {
    }

    /** CHAT, SMS or MESSAGING; voice interactions come from the telephony gateway only. */
    public static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConversationException("\"channel\" is one of CHAT, SMS, MESSAGING");
        }
        Channel channel;
        try {
            channel = Channel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConversationException("\"channel\" is one of CHAT, SMS, MESSAGING");
        }
        if (!channel.isDigital()) {
            throw new InvalidConversationException(
                    "Voice interactions come from the telephony gateway; a conversation is CHAT, SMS or MESSAGING");
        }
        return channel;
    }

    public static String flowId(String value) {
        if (!FlowId.isValid(value)) {
            throw new InvalidConversationException("\"flowId\" is 1 to 64 letters, digits or . _ : - and starts with a letter or digit");
        }
        return value;
    }

    /** A participant's id (agent, customer, author): 1 to {@value Ids#MAX_LENGTH} printable characters. */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidConversationException("\"" + field + "\" is required");
        }
        if (value.length() > Ids.MAX_LENGTH) {
            throw new InvalidConversationException("\"" + field + "\" has at most " + Ids.MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidConversationException("\"" + field + "\" has no control characters");
        }
        return value;
    }

    /** An optional id: null stays null (the caller picks the default), anything else is checked. */
    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    /** An optional display name: at most {@value Interaction#MAX_NAME} characters, no control characters. */
    public static String name(String value, String field) {
        if (value != null && value.length() > Interaction.MAX_NAME) {
            throw new InvalidConversationException("\"" + field + "\" has at most " + Interaction.MAX_NAME + " characters");
        }
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidConversationException("\"" + field + "\" has no control characters");
        }
        return value;
    }

    /** AGENT or CUSTOMER. */
    public static ParticipantRole role(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidConversationException("\"" + field + "\" is one of " + Arrays.toString(ParticipantRole.values()));
        }
        try {
            return ParticipantRole.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConversationException("\"" + field + "\" is one of " + Arrays.toString(ParticipantRole.values()));
        }
    }

    /** Who ends a conversation: the agent or the customer (the system ends calls, not conversations). */
    public static String ender(String value) {
        return role(value, "by").name();
    }
}
