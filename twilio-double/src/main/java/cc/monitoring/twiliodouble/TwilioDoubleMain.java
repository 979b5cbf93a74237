package cc.monitoring.twiliodouble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The double as a process (bin/stack, the console demo):
 * {@code java -Xmx96m -cp … cc.monitoring.twiliodouble.TwilioDoubleMain --port 8086 --accounts <file>}.
 * The accounts file has one account a line, {@code AccountSid AuthToken AppBaseUrl [VoiceUrl]},
 * separated by blanks; empty lines and lines starting with # are skipped.
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
            System.err.println("--accounts <file> is required (lines: AccountSid AuthToken AppBaseUrl [VoiceUrl])");
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
        List<TwilioDouble.Account> accounts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
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
}
