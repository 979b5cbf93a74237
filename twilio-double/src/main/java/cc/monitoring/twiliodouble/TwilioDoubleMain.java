package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The double as a process (bin/stack, the console demo):
 * {@code java -Xmx96m -cp … cc.monitoring.twiliodouble.TwilioDoubleMain --port 8086 --accounts <file>}.
 * The accounts file is a JSON array,
 * {@code [{"accountSid":"AC…","authToken":"…","gatewayBaseUrl":"http://127.0.0.1:8085"}]} (optionally with
 * {@code "voiceUrl"} when the Voice URL is not {@code gatewayBaseUrl + /api/telephony/twilio/voice}), or,
 * as plain text, one account a line: {@code AccountSid AuthToken GatewayBaseUrl [VoiceUrl]} (blank lines
 * and lines starting with # skipped).
 */
public final class TwilioDoubleMain {

    private TwilioDoubleMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8086;
        String host = "127.0.0.1";
        Path accountsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--accounts" -> accountsFile = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: TwilioDoubleMain [--host 127.0.0.1] [--port 8086] --accounts <file>");
                    System.exit(2);
                }
            }
        }
        if (accountsFile == null) {
            System.err.println("--accounts <file> is required: [{\"accountSid\":…,\"authToken\":…,\"gatewayBaseUrl\":…}]");
            System.exit(2);
        }
        TwilioDouble twilio = TwilioDouble.start(TwilioDouble.Options.onPort(port).host(host)
                .accounts(readAccounts(accountsFile)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            twilio.close();
            stopped.countDown();
        }, "twilio-double-shutdown"));
        System.out.println("twilio-double listening on " + twilio.baseUrl());
        stopped.await();
    }

    static List<TwilioDouble.Account> readAccounts(Path file) throws IOException {
        String text = Files.readString(file);
        List<TwilioDouble.Account> accounts = new ArrayList<>();
        if (text.stripLeading().startsWith("[")) {
            for (JsonNode account : new ObjectMapper().readTree(text)) {
                accounts.add(new TwilioDouble.Account(required(account, "accountSid"), required(account, "authToken"),
                        required(account, "gatewayBaseUrl"), account.path("voiceUrl").asText(null)));
            }
            return accounts;
        }
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length < 3 || fields.length > 4) {
                throw new IllegalArgumentException("an account line is: AccountSid AuthToken AppBaseUrl [VoiceUrl]");
            }
            accounts.add(new TwilioDouble.Account(fields[0], fields[1], fields[2], fields.length == 4 ? fields[3] : null));
        }
        return accounts;
    }

    private static String required(JsonNode account, String field) {
        JsonNode value = account.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("an account needs \"" + field + "\"");
        }
        return value.asText();
    }
}
