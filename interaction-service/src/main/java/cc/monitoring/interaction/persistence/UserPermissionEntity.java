package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Read model of permission-events: a user's effective permissions at their newest revision. */
@Entity
@Table(name = "user_permission")
public class UserPermissionEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String role;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> permissions;

    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "user_id") String userId)
            implements Serializable {
    }
}
