package cc.monitoring.interaction.persistence;

import cc.monitoring.interaction.domain.Message;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Messages of digital conversations. Callers have checked the interaction's tenant. */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<MessageEntity, MessageEntity.Key> {

    public void add(UUID interactionId, Message message) {
        MessageEntity row = new MessageEntity();
        row.key = new MessageEntity.Key(interactionId, message.sequence());
        row.messageId = message.messageId();
        row.authorRole = message.authorRole();
        row.authorId = message.authorId();
        row.authorName = message.authorName();
        row.text = message.text();
        row.postedAt = message.postedAt();
        persist(row);
    }

    /** Up to {@code limit} messages after sequence {@code after}, in sequence order. */
    public List<Message> after(UUID interactionId, long after, int limit) {
        return find("key.interactionId = ?1 and key.sequence > ?2 order by key.sequence", interactionId, after)
                .range(0, limit - 1).list().stream()
                .map(row -> new Message(row.messageId, row.key.sequence(), row.authorRole, row.authorId, row.authorName,
                        row.text, row.postedAt))
                .toList();
    }
}
