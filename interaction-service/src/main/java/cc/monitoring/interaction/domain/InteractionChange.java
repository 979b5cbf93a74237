package cc.monitoring.interaction.domain;

/** What happened to an interaction, in the order it happened; each becomes one event. */
public sealed interface InteractionChange {

    record Started(Interaction interaction) implements InteractionChange {
    }

    record Joined(Participant participant) implements InteractionChange {
    }

    record Left(Participant participant) implements InteractionChange {
    }

    record Posted(Message message) implements InteractionChange {
    }

    record Ended(Interaction interaction) implements InteractionChange {
    }
}
