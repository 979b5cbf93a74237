package cc.monitoring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Reads the ACL table {@code deploy/kafka/acls.csv} ({@code principal,resource_type,resource_name,pattern_type,operation};
 * {@code #} starts a comment) into Kafka's {@link AclBinding}s, every one an ALLOW from any host.
 */
public final class KafkaAclTable {

    /** One row of the table. */
    public record Row(String principal, ResourceType resourceType, String resourceName, PatternType patternType,
                      AclOperation operation) {

        public AclBinding binding() {
            return new AclBinding(new ResourcePattern(resourceType, resourceName, patternType),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
        }
    }

    private KafkaAclTable() {
    }

    /** The table in the repository: {@code deploy/kafka/acls.csv}, looked up from the working directory upwards. */
    public static Path repositoryTable() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path table = dir.resolve("deploy/kafka/acls.csv");
            if (Files.isRegularFile(table)) {
                return table;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/kafka/acls.csv not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Row> read(Path table) {
        try {
            return Files.readAllLines(table).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(KafkaAclTable::row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 5 || !f[0].startsWith("User:")) {
            throw new IllegalArgumentException("not an ACL row (principal,resource_type,resource_name,pattern_type,operation): " + line);
        }
        return new Row(f[0].strip(), ResourceType.fromString(f[1].strip()), f[2].strip(),
                PatternType.fromString(f[3].strip()), AclOperation.fromString(f[4].strip()));
    }
}
