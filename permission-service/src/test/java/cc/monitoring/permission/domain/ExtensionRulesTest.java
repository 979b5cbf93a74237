package cc.monitoring.permission.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExtensionRulesTest {

    @Test
    void B20_extensionsKeepTheOrderTheyWereGivenIn() {
        List<Extension> given = List.of(
                Extension.of("Mobile", "PSTN", "+14155550101"),
                Extension.of("Desk phone", "SIP", "sip:sam@pbx.acme.example"),
                Extension.of("Browser", "WEBRTC", "client:sam"));
        assertEquals(given, new Extensions(given).inOrder());
        assertEquals(List.of("Mobile", "Desk phone", "Browser"),
                new Extensions(given).inOrder().stream().map(Extension::label).toList());
    }

    @Test
    void addressesAreCheckedByKind() {
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Mobile", "PSTN", "4155550101"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Mobile", "PSTN", "+1 415 555"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Desk", "SIP", "sam@pbx"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Desk", "SIP", "sip:@pbx"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Web", "WEBRTC", "client:"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of("Web", "FAX", "+14155550101"));
        assertThrows(InvalidExtensionException.class, () -> Extension.of(" ", "PSTN", "+14155550101"));
        assertEquals("sips:sam@pbx.acme.example:5061",
                Extension.of("Desk", "sip", "sips:sam@pbx.acme.example:5061").address());
    }

    @Test
    void theSameDeviceOrLabelTwiceIsADuplicate() {
        assertThrows(DuplicateExtensionException.class, () -> new Extensions(List.of(
                Extension.of("Desk", "SIP", "sip:sam@pbx.example.com"),
                Extension.of("Desk 2", "SIP", "sip:SAM@pbx.example.com"))));
        assertThrows(DuplicateExtensionException.class, () -> new Extensions(List.of(
                Extension.of("Phone", "SIP", "sip:sam@pbx.example.com"),
                Extension.of("phone", "PSTN", "+14155550101"))));
    }

    @Test
    void aUserHasAtMostTenExtensions() {
        List<Extension> many = new ArrayList<>();
        for (int i = 0; i < Extensions.MAX + 1; i++) {
            many.add(Extension.of("Line " + i, "PSTN", "+1415555010" + String.format("%02d", i)));
        }
        assertThrows(InvalidExtensionException.class, () -> new Extensions(many));
        assertEquals(Extensions.MAX, new Extensions(many.subList(0, Extensions.MAX)).inOrder().size());
    }
}
