package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.telephony.config.TelephonyConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants' Twilio accounts, from configuration only: one account (or subaccount) per tenant. A
 * callback names its AccountSid, which picks the tenant and the auth token its signature must match;
 * a monitor leg's tenant picks the account its requests go to. Nothing a request carries names a tenant.
 */
public final class TwilioAccounts {

    private final Map<String, Account> byTenant = new LinkedHashMap<>();
    private final Map<String, Account> bySid = new LinkedHashMap<>();

    /**
     * A tenant's account. {@link #toString()} leaves the auth token out, so it cannot reach a log.
     *
     * @param flows the tenant's flow per called number; {@code defaultFlow} for any other (may be null)
     */
    public record Account(String tenantId, String accountSid, String authToken, String callerId, String defaultFlow,
                          Map<String, String> flows) {

        public Account {
            flows = Map.copyOf(flows);
        }

        /** The flow a call to {@code calledNumber} belongs to, if the tenant routes that number. */
        public Optional<String> flowOf(String calledNumber) {
            return Optional.ofNullable(calledNumber == null ? null : flows.get(calledNumber)).or(() -> Optional.ofNullable(defaultFlow));
        }

        @Override
        public String toString() {
            return "Account[tenant=" + tenantId + ", sid=" + accountSid + "]";
        }
    }

    public TwilioAccounts(Iterable<Account> accounts) {
        for (Account account : accounts) {
            if (bySid.put(account.accountSid(), account) != null) {
                throw new IllegalStateException("Twilio account " + account.accountSid() + " is configured for two tenants");
            }
            byTenant.put(account.tenantId(), account);
        }
    }

    /** The accounts of {@code telephony.twilio.accounts.*}; a token comes from the value or from its file. */
    public static TwilioAccounts of(TelephonyConfig.Twilio config) {
        return new TwilioAccounts(config.accounts().entrySet().stream().map(e -> {
            TelephonyConfig.Twilio.Account a = e.getValue();
            String token = a.authToken().filter(t -> !t.isBlank())
                    .or(() -> a.authTokenFile().filter(f -> !f.isBlank()).map(TwilioAccounts::read))
                    .orElseThrow(() -> new IllegalStateException("telephony.twilio.accounts." + e.getKey()
                            + " needs auth-token or auth-token-file"));
            return new Account(e.getKey(), a.accountSid(), token, a.callerId().orElse(null),
                    a.defaultFlow().orElse(null), a.flows());
        }).toList());
    }

    public Optional<Account> ofTenant(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    public Optional<Account> bySid(String accountSid) {
        return Optional.ofNullable(accountSid == null ? null : bySid.get(accountSid));
    }

    public boolean isEmpty() {
        return byTenant.isEmpty();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            // the path is named, never the content
            throw new UncheckedIOException("cannot read the Twilio auth token file " + file, e);
        }
    }
}
