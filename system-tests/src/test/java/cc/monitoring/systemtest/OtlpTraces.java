package cc.monitoring.systemtest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver in the test JVM (the services export to it with {@code OTEL_EXPORTER_OTLP_PROTOCOL=
 * http/protobuf}): accepts {@code POST /v1/traces} with an {@code ExportTraceServiceRequest} in protobuf, keeps each
 * span's service, trace id, span id, parent span id, name and kind. The few fields needed are read with a small wire
 * format reader of its own (field numbers from opentelemetry-proto's trace.proto), so no protobuf library is needed.
 */
public final class OtlpTraces implements AutoCloseable {

    /** One received span; ids in lower-case hex, {@code parentSpanId} empty for a root span. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        public static final int INTERNAL = 1;
        public static final int SERVER = 2;
        public static final int CONSUMER = 5;
    }

    private static final int MAX_SPANS = 200_000;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    private OtlpTraces(HttpServer server) {
        this.server = server;
    }

    public static OtlpTraces start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            OtlpTraces traces = new OtlpTraces(server);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body;
                    try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    int status = 200;
                    if ("POST".equals(exchange.getRequestMethod())) { // /v1/traces, whatever the prefix
                        try {
                            traces.receive(body);
                        } catch (RuntimeException malformed) {
                            status = 400;
                        }
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(status, -1); // an empty ExportTraceServiceResponse
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return traces;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    public List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    void receive(byte[] request) {
        for (Field resourceSpans : Field.all(request)) {
            if (resourceSpans.number != 1) {
                continue;
            }
            String service = "";
            List<byte[]> scopeSpans = new ArrayList<>();
            for (Field f : Field.all(resourceSpans.bytes)) {
                if (f.number == 1) {
                    service = serviceName(f.bytes);
                } else if (f.number == 2) {
                    scopeSpans.add(f.bytes);
                }
            }
            for (byte[] scope : scopeSpans) {
                for (Field span : Field.all(scope)) {
                    if (span.number == 2 && spans.size() < MAX_SPANS) {
                        spans.add(span(service, span.bytes));
                    }
                }
            }
        }
    }

    private static String serviceName(byte[] resource) {
        for (Field attribute : Field.all(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : Field.all(attribute.bytes)) {
                if (kv.number == 1) {
                    key = kv.text();
                } else if (kv.number == 2) {
                    for (Field any : Field.all(kv.bytes)) {
                        if (any.number == 1) {
                            value = any.text();
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "";
    }

    private static Span span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field f : Field.all(span)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = f.text();
                case 6 -> kind = (int) f.varint;
                default -> { }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    /** One field of a protobuf message: its number, and its value as bytes (length-delimited) or a varint. */
    private record Field(int number, byte[] bytes, long varint) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static List<Field> all(byte[] message) {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = varint(message, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, new byte[0], varint(message, at)));
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) varint(message, at);
                        if (length < 0 || at[0] + length > message.length) {
                            throw new IllegalArgumentException("truncated field " + number);
                        }
                        byte[] value = new byte[length];
                        System.arraycopy(message, at[0], value, 0, length);
                        at[0] += length;
                        fields.add(new Field(number, value, 0));
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
                }
            }
            return fields;
        }

        private static long varint(byte[] message, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= message.length) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = message[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
