package cc.monitoring.systemtest.robustness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Violations as a reader can check them: one row per endpoint, cause and answer (how many requests, and one of
 * them as an example), grouped by service. The full list, one line per request, goes to a file.
 */
final class Report {

    private Report() {
    }

    private record Key(String service, String endpoint, String cause, String answer) {
    }

    /** A markdown table of {@code violations}, one row per endpoint, cause and answer. */
    static String table(List<Verdicts.Violation> violations) {
        Map<Key, List<Verdicts.Violation>> groups = violations.stream()
                .sorted(Comparator.comparing((Verdicts.Violation v) -> v.probe().endpoint().service().ordinal())
                        .thenComparing(v -> v.probe().endpoint().path())
                        .thenComparing(v -> v.probe().endpoint().method())
                        .thenComparing(Verdicts.Violation::cause))
                .collect(Collectors.groupingBy(v -> new Key(v.probe().endpoint().service().module(),
                        v.probe().endpoint().name(), v.cause(), answer(v.answer())), LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        out.append("| service | method path | cause | status / content type | requests | e.g. caller · input → body |\n");
        out.append("|---|---|---|---|---|---|\n");
        groups.forEach((k, list) -> {
            Verdicts.Violation first = list.get(0);
            out.append("| ").append(k.service()).append(" | ").append(k.endpoint()).append(" | ").append(k.cause())
                    .append(" | ").append(k.answer()).append(" | ").append(list.size()).append(" | ")
                    .append(first.probe().who()).append(" → ").append(excerpt(first.answer().body(), 140)).append(" |\n");
        });
        return out.toString();
    }

    /** How many violations of each cause per service. */
    static String causes(List<Verdicts.Violation> violations) {
        Map<String, Long> counts = violations.stream().collect(Collectors.groupingBy(
                v -> v.probe().endpoint().service().module() + ": " + v.cause(), java.util.TreeMap::new,
                Collectors.counting()));
        StringBuilder out = new StringBuilder();
        counts.forEach((k, n) -> out.append("  ").append(k).append(" × ").append(n).append('\n'));
        return out.toString();
    }

    /** How many answers of each status each service gave (to see at a glance what the requests reached). */
    static String statuses(Map<Probe, RawHttp.Answer> answers) {
        Map<String, Map<Integer, Long>> counts = new java.util.TreeMap<>();
        answers.forEach((p, a) -> counts.computeIfAbsent(p.endpoint().service().module(), k -> new java.util.TreeMap<>())
                .merge(a.status(), 1L, Long::sum));
        StringBuilder out = new StringBuilder();
        counts.forEach((service, byStatus) -> {
            out.append("  ").append(service).append(':');
            byStatus.forEach((status, n) -> out.append(' ').append(status < 0 ? "none" : status).append('×').append(n));
            out.append('\n');
        });
        return out.toString();
    }

    /** One line per violation. */
    static List<String> lines(List<Verdicts.Violation> violations) {
        List<String> lines = new ArrayList<>();
        for (Verdicts.Violation v : violations) {
            Probe p = v.probe();
            lines.add(p.endpoint().service().module() + " " + p.endpoint().method() + " " + excerpt(p.pathAndQuery(), 200)
                    + " | " + p.who() + " | " + answer(v.answer()) + " | " + v.cause() + " | "
                    + excerpt(v.answer().body(), 300));
        }
        return lines;
    }

    static String answer(RawHttp.Answer answer) {
        if (answer.status() < 0) {
            return "no answer";
        }
        String type = answer.contentType().isEmpty() ? "no content type" : answer.contentType().split(";")[0];
        return answer.status() + " " + type;
    }

    static String excerpt(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").replace("|", "¦").trim();
        if (oneLine.isEmpty()) {
            return "(empty)";
        }
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "… (" + oneLine.length() + " chars)";
    }
}
