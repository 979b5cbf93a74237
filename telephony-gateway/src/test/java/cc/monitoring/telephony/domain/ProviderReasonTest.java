package cc.monitoring.telephony.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A given-up provider command reports the reason the provider's failure names, else PROVIDER_ERROR (B29). */
class ProviderReasonTest {

    @Test
    void B29_aGivenUpDialFailsTheLegWithTheReasonTheProviderNamed() {
        assertEquals(LegFailure.CALL_NOT_FOUND, LegFailure.ofProviderReason("CALL_NOT_FOUND"));
        assertEquals(LegFailure.UNKNOWN_EXTENSION, LegFailure.ofProviderReason("UNKNOWN_EXTENSION"));
        assertEquals(LegFailure.BUSY, LegFailure.ofProviderReason("BUSY"));
    }

    @Test
    void B29_aGivenUpDialWithAnyOtherReasonIsAProviderError() {
        assertEquals(LegFailure.PROVIDER_ERROR, LegFailure.ofProviderReason("HTTP_400"));
        assertEquals(LegFailure.PROVIDER_ERROR, LegFailure.ofProviderReason("PROVIDER_TIMEOUT"));
        assertEquals(LegFailure.PROVIDER_ERROR, LegFailure.ofProviderReason("LEG_NOT_CONNECTED"));
        assertEquals(LegFailure.PROVIDER_ERROR, LegFailure.ofProviderReason("call_not_found"));
        assertEquals(LegFailure.PROVIDER_ERROR, LegFailure.ofProviderReason(null));
    }

    @Test
    void B29_aGivenUpModeChangeIsRefusedWithTheReasonTheProviderNamed() {
        assertEquals(ModeRefusal.LEG_NOT_CONNECTED, ModeRefusal.ofProviderReason("LEG_NOT_CONNECTED"));
        assertEquals(ModeRefusal.CALL_ENDED, ModeRefusal.ofProviderReason("CALL_ENDED"));
        assertEquals(ModeRefusal.PROVIDER_ERROR, ModeRefusal.ofProviderReason("HTTP_503"));
        assertEquals(ModeRefusal.PROVIDER_ERROR, ModeRefusal.ofProviderReason("CALL_NOT_FOUND"));
        assertEquals(ModeRefusal.PROVIDER_ERROR, ModeRefusal.ofProviderReason(null));
    }
}
