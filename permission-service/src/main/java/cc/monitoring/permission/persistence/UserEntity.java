package cc.monitoring.permission.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id")
    public RoleEntity role;

    /** Kept as one ordered JSON array: the order is the user's configured order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StoredExtension> extensions;

    /** Increases with every change that is published about this user, role edits included. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "subject") String subject)
            implements Serializable {
    }

    public record StoredExtension(String label, String kind, String address) {
    }
}
