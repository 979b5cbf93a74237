package cc.monitoring.benchmark;

/**
 * One target of the performance contract as {@code bin/benchmark --profile full} reports it: what was
 * measured against what was asked ({@code met}), and the same measurement as a ratio to the references
 * measured in the same run (raw broker, durable PostgreSQL writes); {@code ratio} is free text such as
 * "4.8 % of the raw broker's 105,000 rec/s" (empty when no reference applies).
 */
record Target(String name, String goal, String measured, boolean met, String ratio) {

    String line() {
        return String.format("  %-8s %-58s %-28s %s%s", met ? "MET" : "NOT MET", name, measured, "(" + goal + ")",
                ratio == null || ratio.isBlank() ? "" : " · " + ratio);
    }
}
