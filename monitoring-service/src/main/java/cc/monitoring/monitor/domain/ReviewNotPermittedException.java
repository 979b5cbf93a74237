package cc.monitoring.monitor.domain;

public final class ReviewNotPermittedException extends MonitoringRefusedException {
    public static final String TYPE = "review-not-permitted";

    public ReviewNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Review not permitted", "Your role does not grant REVIEW_TRANSCRIPTS");
    }
}
