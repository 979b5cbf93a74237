package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.List;

/** Read model of a user's effective permissions and ordered extensions (permission-events). */
@Entity
@Table(name = "user_access")
public class UserAccessEntity extends PanacheEntityBase {

    @EmbeddedId
    public UserKey key;
    @Column(name = "display_name")
    public String displayName;
    public String role;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> permissions;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredExtension> extensions;
    public long revision;
    public boolean removed;

    public record StoredExtension(String label, String kind, String address) {
    }

    @Embeddable
    public record UserKey(@Column(name = "tenant_id") String tenantId, @Column(name = "user_id") String userId)
            implements Serializable {
    }
}
