package cc.monitoring.telephony.provider;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TelephonyProviderTest {

    @Test
    void B24_theProviderInterfaceOffersNoWayToEndACall() {
        Set<String> operations = Arrays.stream(TelephonyProvider.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !m.isDefault())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("listen", "dialMonitorLeg", "setMonitorLegMode", "hangUpMonitorLeg"), operations,
                "the monitoring path can dial, change and hang up a monitor leg, and nothing else");
        for (Method hangUp : TelephonyProvider.class.getDeclaredMethods()) {
            if (hangUp.getName().equals("hangUpMonitorLeg")) {
                assertEquals(TelephonyProvider.LegRef.class, hangUp.getParameterTypes()[0],
                        "hang-up addresses a leg, never a call");
            }
        }
    }
}
