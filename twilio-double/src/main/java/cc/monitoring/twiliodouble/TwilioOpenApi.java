package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks requests to, and responses of, Twilio's REST API against the vendored part of Twilio's own
 * OpenAPI description ({@code twilio-oai/twilio_api_v2010.json}: Calls, Conferences, Participants).
 * Strict where Twilio's description is loose on purpose: a form parameter or a JSON property the
 * description does not name is a problem, so that neither the double nor the adapter drifts from it.
 * <p>
 * Twilio's description writes an enum-typed property as a bare {@code $ref} (OpenAPI 3.0 cannot say
 * {@code nullable} beside it) while Twilio answers null for it (e.g. {@code reason_conference_ended} of a
 * conference in progress), so null is accepted there.
 */
public final class TwilioOpenApi {

    public static final String RESOURCE = "/twilio-oai/twilio_api_v2010.json";
    private static final Pattern RFC_2822 =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static volatile TwilioOpenApi vendored;

    private record Operation(String method, String template, Pattern path, List<String> pathParams, JsonNode node) {
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private TwilioOpenApi(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> {
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.getKey().substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(path.getKey().substring(last)));
            Pattern pattern = Pattern.compile(regex.toString());
            path.getValue().fields().forEachRemaining(op -> {
                if (List.of("get", "post", "delete", "put", "patch").contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern, names, op.getValue()));
                }
            });
        });
    }

    /** The vendored description, read once. */
    public static TwilioOpenApi vendored() {
        TwilioOpenApi api = vendored;
        if (api == null) {
            try (InputStream in = TwilioOpenApi.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                api = new TwilioOpenApi(new ObjectMapper().readTree(in));
                vendored = api;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return api;
    }

    /** {@code "POST /2010-04-01/Accounts/{AccountSid}/Calls.json"} for a request path, if described. */
    public Optional<String> operation(String method, String path) {
        return find(method, path).map(op -> op.method() + " " + op.template());
    }

    /**
     * What is wrong with a request (empty when it conforms): the operation exists, the path parameters,
     * and the form parameters (POST) or query parameters (GET, DELETE) are named and typed as described.
     */
    public List<String> checkRequest(String method, String path, Map<String, List<String>> params) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add("no operation " + method + " " + path + " in Twilio's API description");
            return problems;
        }
        Operation op = found.get();
        Matcher m = op.path().matcher(path);
        m.matches();
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode p : op.node().path("parameters")) {
            declared.put(p.path("in").asText() + ":" + p.path("name").asText(), p);
        }
        for (int i = 0; i < op.pathParams().size(); i++) {
            String name = op.pathParams().get(i);
            JsonNode p = declared.get("path:" + name);
            if (p != null) {
                checkValue(p.path("schema"), m.group(i + 1), "path parameter " + name, problems);
            }
        }
        if ("POST".equals(op.method())) {
            JsonNode schema = resolve(op.node().path("requestBody").path("content")
                    .path("application/x-www-form-urlencoded").path("schema"));
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!params.containsKey(required.asText())) {
                    problems.add("required parameter " + required.asText() + " is missing");
                }
            }
            params.forEach((name, values) -> {
                JsonNode property = properties.get(name);
                if (property == null) {
                    problems.add("parameter " + name + " is not a parameter of " + op.method() + " " + op.template());
                    return;
                }
                checkValues(resolve(property), name, values, problems);
            });
        } else {
            params.forEach((name, values) -> {
                JsonNode p = declared.get("query:" + name);
                if (p == null) {
                    problems.add("query parameter " + name + " is not a parameter of " + op.method() + " " + op.template());
                    return;
                }
                checkValues(resolve(p.path("schema")), name, values, problems);
            });
        }
        return problems;
    }

    /** What is wrong with a response (empty when it conforms to the documented status and schema). */
    public List<String> checkResponse(String method, String path, int status, String body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            problems.add("no operation " + method + " " + path + " in Twilio's API description");
            return problems;
        }
        JsonNode response = found.get().node().path("responses").path(String.valueOf(status));
        if (status >= 400) {
            checkError(body, status, problems);
            return problems;
        }
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not a documented response of " + method + " " + found.get().template());
            return problems;
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            if (body != null && !body.isEmpty()) {
                problems.add("status " + status + " has no body in Twilio's description, but one was sent");
            }
            return problems;
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            problems.add("the body is not JSON");
            return problems;
        }
        if (json == null || json.isMissingNode()) {
            problems.add("the body is empty");
            return problems;
        }
        checkJson(schema, json, "$", problems);
        return problems;
    }

    private static void checkError(String body, int status, List<String> problems) {
        try {
            JsonNode json = new ObjectMapper().readTree(body == null ? "" : body);
            if (json == null || !json.path("code").isInt() || !json.path("message").isTextual()
                    || !json.path("more_info").isTextual() || json.path("status").asInt() != status) {
                problems.add("an error body is Twilio's {code, message, more_info, status}: " + body);
            }
        } catch (IOException e) {
            problems.add("the error body is not JSON");
        }
    }

    private Optional<Operation> find(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.path().matcher(bare).matches())
                .findFirst();
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        JsonNode target = root;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }

    private void checkValues(JsonNode schema, String name, List<String> values, List<String> problems) {
        if ("array".equals(schema.path("type").asText())) {
            JsonNode items = resolve(schema.path("items"));
            values.forEach(v -> checkValue(items, v, "parameter " + name, problems));
            return;
        }
        if (values.size() > 1) {
            problems.add("parameter " + name + " is given " + values.size() + " times but is not a list");
        }
        values.forEach(v -> checkValue(schema, v, "parameter " + name, problems));
    }

    /** A form, query or path value: text that must read as the schema's type. */
    private void checkValue(JsonNode schema, String value, String what, List<String> problems) {
        schema = resolve(schema);
        switch (schema.path("type").asText("string")) {
            case "boolean" -> {
                if (!"true".equals(value) && !"false".equals(value)) {
                    problems.add(what + " must be true or false, not '" + value + "'");
                }
            }
            case "integer" -> {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    problems.add(what + " must be an integer, not '" + value + "'");
                }
            }
            case "number" -> {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problems.add(what + " must be a number, not '" + value + "'");
                }
            }
            default -> {
                checkString(schema, value, what, problems);
                if ("uri".equals(schema.path("format").asText())) {
                    try {
                        URI uri = new URI(value);
                        if (!uri.isAbsolute() || !(value.startsWith("http://") || value.startsWith("https://"))) {
                            problems.add(what + " must be an absolute http(s) URL, not '" + value + "'");
                        }
                    } catch (Exception e) {
                        problems.add(what + " is not a URL: '" + value + "'");
                    }
                }
            }
        }
    }

    private void checkString(JsonNode schema, String value, String what, List<String> problems) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.asText().equals(value);
            }
            if (!listed) {
                problems.add(what + " is '" + value + "', not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
            problems.add(what + " is shorter than " + schema.get("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
            problems.add(what + " is longer than " + schema.get("maxLength").asInt() + " characters");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            problems.add(what + " '" + value + "' does not match " + schema.get("pattern").asText());
        }
        if ("date-time-rfc-2822".equals(schema.path("format").asText()) && !RFC_2822.matcher(value).matches()) {
            problems.add(what + " '" + value + "' is not an RFC 2822 date as Twilio writes them");
        }
    }

    private void checkJson(JsonNode declared, JsonNode value, String at, List<String> problems) {
        boolean viaRef = declared.has("$ref");
        JsonNode schema = resolve(declared);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && !viaRef) {
                problems.add(at + " is null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + " must be an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                if ("uri-map".equals(schema.path("format").asText())) {
                    value.fields().forEachRemaining(f -> {
                        if (!f.getValue().isTextual()) {
                            problems.add(at + "." + f.getKey() + " must be a string");
                        }
                    });
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(at + "." + required.asText() + " is required");
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    JsonNode property = properties.get(f.getKey());
                    if (property == null) {
                        problems.add(at + "." + f.getKey() + " is not a property in Twilio's description");
                    } else {
                        checkJson(property, f.getValue(), at + "." + f.getKey(), problems);
                    }
                }
                properties.fieldNames().forEachRemaining(name -> {
                    if (!value.has(name)) {
                        problems.add(at + "." + name + " is missing (Twilio always sends it)");
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + " must be an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    checkJson(schema.path("items"), item, at + "[" + i++ + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + " must be a string");
                    return;
                }
                checkString(schema, value.asText(), at, problems);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + " must be an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + " must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + " must be a boolean");
                }
            }
            default -> {
                // untyped: anything goes
            }
        }
    }
}
