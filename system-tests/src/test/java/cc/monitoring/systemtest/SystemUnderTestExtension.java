package cc.monitoring.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives test classes the one {@link SystemUnderTest} of this test JVM: started by the first class that asks for it,
 * kept in the root store, closed by JUnit when every class has run (and by a shutdown hook if the JVM ends first).
 * When a test fails, it points at the processes' logs.
 *
 * <pre>
 * &#64;ExtendWith(SystemUnderTestExtension.class)
 * class ChatMonitoringIT {
 *     ChatMonitoringIT(SystemUnderTest sut) { this.client = new Client(sut); }
 * }
 * </pre>
 */
public final class SystemUnderTestExtension implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemUnderTestExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SystemUnderTest.class || type == Client.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SystemUnderTest sut = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SystemUnderTest.class, k -> SystemUnderTest.start(), SystemUnderTest.class);
        return parameter.getParameter().getType() == Client.class ? new Client(sut) : sut;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        SystemUnderTest sut = context.getRoot().getStore(NAMESPACE).get(SystemUnderTest.class, SystemUnderTest.class);
        if (sut != null) {
            System.out.println("'" + context.getDisplayName() + "' failed; the services' logs: "
                    + sut.logFile(Service.MONITORING).getParent() + "/<module>.log");
        }
    }
}
