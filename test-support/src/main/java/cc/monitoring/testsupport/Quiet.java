package cc.monitoring.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the embedded servers' chatty log categories down to WARN. Works through java.util.logging, which
 * is the JBoss LogManager in Quarkus tests (and in this module's surefire runs); slf4j and log4j2 are
 * bridged to it. A Quarkus service should still set the same categories in {@code %test} (see README).
 */
final class Quiet {

    static final List<String> CATEGORIES = List.of(
            "kafka", "org.apache.kafka", "state.change.logger", "kafka.request.logger",
            "io.zonky.test.db.postgres", "org.apache.kafka.clients", "org.apache.kafka.common.utils.AppInfoParser");

    /** strong references, otherwise the level is lost when the logger is garbage collected */
    private static final List<Logger> KEEP = new ArrayList<>();

    private Quiet() {
    }

    static synchronized void apply() {
        if (!KEEP.isEmpty() || Boolean.getBoolean("testsupport.verbose")) {
            return;
        }
        for (String category : CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            KEEP.add(logger);
        }
    }
}
