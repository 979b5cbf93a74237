package cc.monitoring.systemtest.robustness;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which requests the suite sends to one endpoint. Every caller (both tenants, every role, and five kinds of
 * invalid token) sends the plain request aimed at its own tenant's resources, and every user also sends it aimed
 * at the other tenant's; the abusive inputs (garbage ids, paging, bodies) are sent by one user of each role of
 * tenant A, the 10 MB body once. That keeps a run to a few thousand requests.
 */
final class ProbePlan {

    /** Garbage path parameters, already percent-encoded as they go on the wire. */
    static final List<Garbage> GARBAGE_IDS = List.of(
            new Garbage("10,000-char id", "a".repeat(10_000), 10_000),
            new Garbage("65-char id", "b".repeat(65), 65),
            new Garbage("..%2F", "..%2F", 5),
            new Garbage("unicode id", encode("ü日本😀\u202e"), 5),
            new Garbage("empty id", "", 0));

    /** Garbage values of query parameters other than paging ones. */
    static final List<Garbage> GARBAGE_QUERY = List.of(
            new Garbage("10,000 chars", "q".repeat(10_000), 10_000),
            new Garbage("unicode", encode("ü日本😀\u202e"), 5),
            new Garbage("injection", encode("' OR '1'='1; --"), 15),
            new Garbage("empty", "", 0));

    static final List<String> PAGE_VALUES = List.of("-1", "2147483647", "99999999", "20000000", "abc");
    static final List<String> SIZE_VALUES = List.of("0", "-1", "1000000000", "abc");

    /** Path parameters that name something the client chooses (an upsert may create it in the caller's tenant). */
    static final Set<String> CLIENT_CHOSEN = Set.of("flowId", "subject", "address");
    /** Body fields holding ids the services hand out: another tenant's must never be acted on. */
    static final Set<String> SERVER_OWNED_FIELDS = Set.of("interactionId", "sessionId", "callId", "messageId", "roleId");

    /** Issue 8: ids at most 64 characters, names at most 200; an extension address is not an id (255 today). */
    static final int ID_BOUND = 64;
    static final int NAME_BOUND = 200;
    static final int ADDRESS_BOUND = 255;
    /** Body fields holding ids, and names, that the services must bound. */
    static final Set<String> ID_FIELDS = Set.of("interactionId", "sessionId", "callId", "messageId", "roleId", "flowId",
            "subject", "agentId", "participantId", "authorId");
    static final Set<String> NAME_FIELDS = Set.of("name", "displayName", "agentName", "customerName", "flowName");

    static final int TEN_MB = 10 * 1024 * 1024;
    private static final byte[] TEN_MB_BODY = tenMegabytes();

    record Garbage(String label, String raw, int length) {
    }

    private final TenantFixture a;
    private final TenantFixture b;
    private final List<Caller.InvalidToken> invalidTokens;

    ProbePlan(TenantFixture a, TenantFixture b) {
        this.a = a;
        this.b = b;
        this.invalidTokens = Caller.invalidTokens(a);
    }

    List<Probe> probes(Endpoint e) {
        List<Probe> probes = new ArrayList<>();
        for (TenantFixture own : List.of(a, b)) {
            TenantFixture other = own == a ? b : a;
            for (String role : TenantFixture.ROLES) {
                Caller caller = Caller.of(own, role);
                probes.add(plain(e, caller, own, "own ids", 0, null, false));
                if (aimsAtResources(e)) {
                    probes.add(plain(e, caller, other, "tenant " + other.label + "'s ids", 0,
                            actsOnServerOwnedIds(e) ? "B06 2xx for another tenant's id" : null,
                            e.pathParams().stream().anyMatch(n -> !CLIENT_CHOSEN.contains(n))));
                }
            }
        }
        for (Caller.InvalidToken invalid : invalidTokens) {
            int status = e.secured() && invalid.strict() ? 401 : 0;
            probes.add(plain(e, invalid.caller(), a, "own ids", status, "2xx with " + invalid.caller().label(), false));
        }
        for (String role : TenantFixture.ROLES) {
            Caller caller = Caller.of(a, role);
            garbageIds(e, caller, probes);
            query(e, caller, probes);
            bodies(e, caller, probes);
        }
        if (e.writes()) {
            probes.add(new Probe(e, Caller.of(a, TenantFixture.ADMINISTRATOR), "10 MB body", path(e, a, null, null), "",
                    TEN_MB_BODY, e.hasBody() ? e.bodyMediaType() : "application/json", 413, null));
        }
        return probes;
    }

    private boolean aimsAtResources(Endpoint e) {
        return !e.pathParams().isEmpty() || bodyFields(e).stream().anyMatch(f -> a.hints().containsKey(f));
    }

    private boolean actsOnServerOwnedIds(Endpoint e) {
        return e.pathParams().stream().anyMatch(p -> !CLIENT_CHOSEN.contains(p))
                || bodyFields(e).stream().anyMatch(SERVER_OWNED_FIELDS::contains);
    }

    private List<String> bodyFields(Endpoint e) {
        if (!e.hasBody()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        OpenApiDocuments.resolve(e.document(), e.body()).path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private Probe plain(Endpoint e, Caller caller, TenantFixture ids, String input, int status, String mustRefuse,
                        boolean hidesExistence) {
        return new Probe(e, caller, input, path(e, ids, null, null), "", validBody(e, ids), contentType(e), status,
                mustRefuse, hidesExistence);
    }

    private void garbageIds(Endpoint e, Caller caller, List<Probe> probes) {
        for (String param : e.pathParams()) {
            for (Garbage g : GARBAGE_IDS) {
                int bound = param.equals("address") ? ADDRESS_BOUND : ID_BOUND;
                String refuse = g.length() > bound ? "bounds: 2xx for a path id longer than " + bound + " characters" : null;
                probes.add(new Probe(e, caller, param + "=" + g.label(), path(e, a, param, g.raw()), "", validBody(e, a),
                        contentType(e), 0, refuse));
            }
        }
    }

    private void query(Endpoint e, Caller caller, List<Probe> probes) {
        String path = path(e, a, null, null);
        for (Endpoint.QueryParam q : e.queryParams()) {
            List<String> values;
            boolean paging = q.name().equals("page") || q.name().equals("size");
            if (q.name().equals("page")) {
                values = PAGE_VALUES;
            } else if (q.name().equals("size")) {
                values = SIZE_VALUES;
            } else {
                values = GARBAGE_QUERY.stream().map(Garbage::raw).toList();
            }
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String label = paging ? q.name() + "=" + value : q.name() + "=" + GARBAGE_QUERY.get(i).label();
                String refuse = paging ? "bounds: 2xx for " + q.name() + "=" + value : null;
                probes.add(new Probe(e, caller, label, path, q.name() + "=" + value, validBody(e, a), contentType(e), 0,
                        refuse));
            }
        }
    }

    private void bodies(Endpoint e, Caller caller, List<Probe> probes) {
        if (!e.hasBody()) {
            return;
        }
        String path = path(e, a, null, null);
        Samples samples = new Samples(e.document(), a.hints());
        String json = "application/json";
        Map<String, byte[]> variants = new java.util.LinkedHashMap<>();
        variants.put("malformed JSON", bytes("{\"broken\": [1, "));
        variants.put("wrong types", bytes(Samples.write(samples.wrongTypes(e.body()))));
        variants.put("null body", bytes("null"));
        variants.put("{} body", bytes("{}"));
        variants.put("100,000-char strings", bytes(Samples.write(samples.longStrings(e.body()))));
        for (Map.Entry<String, byte[]> v : variants.entrySet()) {
            probes.add(new Probe(e, caller, v.getKey(), path, "", v.getValue(), json, 0, null));
        }
        JsonNode valid = samples.valid(e.body());
        if (valid.isObject()) {
            List<String> fields = new ArrayList<>();
            valid.fieldNames().forEachRemaining(fields::add);
            if (fields.stream().anyMatch(ID_FIELDS::contains)) {
                com.fasterxml.jackson.databind.node.ObjectNode longIds = valid.deepCopy();
                fields.stream().filter(ID_FIELDS::contains).forEach(f -> longIds.put(f, "b".repeat(ID_BOUND + 1)));
                probes.add(new Probe(e, caller, (ID_BOUND + 1) + "-char ids in the body", path, "",
                        bytes(Samples.write(longIds)), json, 0, "bounds: 2xx for a body id longer than " + ID_BOUND
                        + " characters"));
            }
            if (fields.stream().anyMatch(NAME_FIELDS::contains)) {
                com.fasterxml.jackson.databind.node.ObjectNode longNames = valid.deepCopy();
                fields.stream().filter(NAME_FIELDS::contains).forEach(f -> longNames.put(f, "n".repeat(NAME_BOUND + 1)));
                probes.add(new Probe(e, caller, (NAME_BOUND + 1) + "-char names in the body", path, "",
                        bytes(Samples.write(longNames)), json, 0, "bounds: 2xx for a name longer than " + NAME_BOUND
                        + " characters"));
            }
        }
        probes.add(new Probe(e, caller, "text/plain body", path, "", bytes("hello"), "text/plain", 0, null));
    }

    /** A plausible body aimed at {@code ids}' resources, in the endpoint's media type ({@code null}: none declared). */
    private static byte[] validBody(Endpoint e, TenantFixture ids) {
        if (!e.hasBody()) {
            return null;
        }
        if (e.bodyMediaType().startsWith("application/x-www-form-urlencoded")) {
            return bytes("CallSid=CA0000&StatusCallbackEvent=participant-join");
        }
        return bytes(Samples.write(new Samples(e.document(), ids.hints()).valid(e.body())));
    }

    private static String contentType(Endpoint e) {
        return e.hasBody() ? e.bodyMediaType() : null;
    }

    /** The endpoint's path with {@code ids}' resources, except {@code replaced} (if any) set to {@code raw}. */
    private static String path(Endpoint e, TenantFixture ids, String replaced, String raw) {
        String path = e.path();
        for (String param : e.pathParams()) {
            String value = param.equals(replaced) ? raw : encode(id(e, param, ids));
            path = path.replaceFirst("\\{" + java.util.regex.Pattern.quote(param) + "(:[^}]*)?}",
                    java.util.regex.Matcher.quoteReplacement(value));
        }
        return path;
    }

    /** The tenant's resource that a path parameter names: by its name, else by the resource the path is under. */
    static String id(Endpoint e, String param, TenantFixture ids) {
        Map<String, String> hints = ids.hints();
        if (hints.containsKey(param)) {
            return hints.get(param);
        }
        String path = e.path();
        if (path.startsWith("/api/roles")) {
            return ids.victimRoleId;
        }
        if (path.startsWith("/api/users")) {
            return ids.victimSubject;
        }
        if (path.startsWith("/api/monitoring/sessions")) {
            return ids.chatSessionId;
        }
        if (path.startsWith("/api/telephony/calls")) {
            return ids.callId;
        }
        return ids.chatInteractionId; // interactions, conversations, transcripts, the monitoring table
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tenMegabytes() {
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'x');
        byte[] head = bytes("{\"text\":\"");
        System.arraycopy(head, 0, body, 0, head.length);
        body[TEN_MB - 2] = '"';
        body[TEN_MB - 1] = '}';
        return body;
    }
}
