package cc.monitoring.systemtest;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For scenario classes whose steps build on each other: once a step fails, the later steps of the class are
 * skipped (reported as such) instead of failing for the same reason.
 */
public final class StopAfterFailedStep implements TestWatcher, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StopAfterFailedStep.class);
    private static final String FAILED = "failed step";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("class level");
        }
        String failed = classStore(context).get(FAILED, String.class);
        return failed == null ? ConditionEvaluationResult.enabled("no earlier step failed")
                : ConditionEvaluationResult.disabled("skipped: the earlier step '" + failed + "' failed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        classStore(context).put(FAILED, context.getDisplayName());
    }

    private static ExtensionContext.Store classStore(ExtensionContext context) {
        return context.getParent().orElse(context).getStore(NAMESPACE);
    }
}
