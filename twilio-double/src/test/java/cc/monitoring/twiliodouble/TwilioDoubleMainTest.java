package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TwilioDoubleMainTest {

    static final String SID = "AC" + "0123456789abcdef0123456789abcdef";

    @Test
    void readsTheAccountsFileAsJson(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.json"),
                "[{\"accountSid\":\"" + SID + "\",\"authToken\":\"secret\",\"gatewayBaseUrl\":\"http://127.0.0.1:8085/\"}]");
        List<TwilioDouble.Account> accounts = TwilioDoubleMain.readAccounts(file);
        assertEquals(1, accounts.size());
        assertEquals(SID, accounts.get(0).sid());
        assertEquals("secret", accounts.get(0).authToken());
        assertEquals("http://127.0.0.1:8085/api/telephony/twilio/voice", accounts.get(0).voiceUrl());
    }

    @Test
    void readsTheAccountsFileAsLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("accounts.txt"),
                "# sid token base\n\n" + SID + " secret http://127.0.0.1:8085 http://127.0.0.1:8085/voice\n");
        assertEquals("http://127.0.0.1:8085/voice", TwilioDoubleMain.readAccounts(file).get(0).voiceUrl());
    }

    @Test
    void anAccountWithoutATokenOrWithABadSidIsRefused(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> TwilioDoubleMain.readAccounts(Files.writeString(
                dir.resolve("a.json"), "[{\"accountSid\":\"" + SID + "\",\"gatewayBaseUrl\":\"http://x\"}]")));
        assertThrows(IllegalArgumentException.class, () -> TwilioDoubleMain.readAccounts(Files.writeString(
                dir.resolve("b.json"), "[{\"accountSid\":\"AC1\",\"authToken\":\"t\",\"gatewayBaseUrl\":\"http://x\"}]")));
    }
}
