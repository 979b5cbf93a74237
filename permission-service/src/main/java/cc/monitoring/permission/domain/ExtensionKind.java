package cc.monitoring.permission.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Where a monitor leg can be dialed, and what an address of that kind looks like. */
public enum ExtensionKind {
    /** A phone number in E.164 form, e.g. +14155550101. */
    PSTN(Pattern.compile("\\+[1-9][0-9]{6,14}"), "a phone number in E.164 form such as +14155550101"),
    /** A SIP URI, e.g. sip:sam@pbx.example.com. */
    SIP(Pattern.compile("sips?:[A-Za-z0-9._~+-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*(:[0-9]{1,5})?"),
            "a SIP URI such as sip:sam@pbx.example.com"),
    /** A browser softphone identity, e.g. client:sam. */
    WEBRTC(Pattern.compile("client:[A-Za-z0-9._-]{1,100}"), "a browser client identity such as client:sam");

    private final Pattern address;
    private final String example;

    ExtensionKind(Pattern address, String example) {
        this.address = address;
        this.example = example;
    }

    public boolean accepts(String candidate) {
        return candidate != null && address.matcher(candidate).matches();
    }

    public String example() {
        return example;
    }

    public static ExtensionKind parse(String kind) {
        if (kind != null) {
            String wanted = kind.trim().toUpperCase(Locale.ROOT);
            for (ExtensionKind value : values()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        throw new InvalidExtensionException("Extension kind '" + kind + "' is not one of PSTN, SIP, WEBRTC");
    }
}
