package cc.monitoring.permission.api;

import cc.monitoring.permission.domain.Extension;
import cc.monitoring.permission.domain.InvalidExtensionException;
import cc.monitoring.permission.persistence.RoleEntity;
import cc.monitoring.permission.persistence.RoleRepository;
import cc.monitoring.permission.persistence.UserEntity;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of permission-service, and their mapping from and to entities. */
final class Representations {

    private Representations() {
    }

    record ExtensionBody(String label, String kind, String address) {
        Extension toDomain() {
            return Extension.of(label, kind, address);
        }

        static List<Extension> toDomain(List<ExtensionBody> bodies) {
            if (bodies == null) {
                return List.of();
            }
            return bodies.stream().map(body -> {
                if (body == null) {
                    throw new InvalidExtensionException("An extension cannot be null");
                }
                return body.toDomain();
            }).toList();
        }

        static List<ExtensionBody> of(UserEntity user) {
            return user.extensions.stream().map(e -> new ExtensionBody(e.label(), e.kind(), e.address())).toList();
        }
    }

    record RoleBody(UUID id, String name, boolean builtIn, List<String> permissions) {
        static RoleBody of(RoleEntity role) {
            return new RoleBody(role.id, role.name, role.builtIn,
                    RoleRepository.names(RoleRepository.toDomain(role).permissions()));
        }
    }

    record NewRole(String name, List<String> permissions) {
    }

    record RolePermissions(List<String> permissions) {
    }

    record UserBody(String subject, String displayName, String role, List<String> permissions,
                    List<ExtensionBody> extensions, long revision) {
        static UserBody of(UserEntity user) {
            return new UserBody(user.key.subject(), user.displayName, user.role.name,
                    RoleRepository.names(RoleRepository.toDomain(user.role).permissions()),
                    ExtensionBody.of(user), user.revision);
        }
    }

    record PutUser(String displayName, String role, List<ExtensionBody> extensions) {
    }

    /** What {@code /api/me} answers: the caller's own effective permissions and extensions. */
    record Me(String tenantId, String subject, String displayName, String role, List<String> permissions,
              List<ExtensionBody> extensions) {
        static Me of(UserEntity user) {
            return new Me(user.key.tenantId(), user.key.subject(), user.displayName, user.role.name,
                    RoleRepository.names(RoleRepository.toDomain(user.role).permissions()), ExtensionBody.of(user));
        }
    }
}
