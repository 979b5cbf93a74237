package cc.monitoring.twiliodouble;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Stands in for the gateway in the double's own tests: answers the Voice URL with TwiML that puts the
 * caller into a conference named after its CallSid, accepts every status callback, and checks that
 * each webhook carries the signature Twilio would compute.
 */
final class FakeApplication implements AutoCloseable {

    static final String TOKEN = "test-auth-token";

    final HttpServer server;
    final String baseUrl;
    final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
    volatile Function<Form, String> twiml = this::conferenceTwiml;
    volatile int status = 204;

    FakeApplication() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-application");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String conferenceTwiml(Form form) {
        String callback = baseUrl + "/api/telephony/twilio/conference-status";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Conference"
                + " statusCallback=\"" + callback + "\""
                + " statusCallbackEvent=\"start end join leave mute hold modify\""
                + " startConferenceOnEnter=\"true\" endConferenceOnExit=\"true\" beep=\"false\""
                + " participantLabel=\"customer\">" + form.first("CallSid") + "</Conference></Dial></Response>";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Form form = Form.parse(body);
            String url = baseUrl + exchange.getRequestURI().toString();
            String expected = TwilioRequestSignature.sign(TOKEN, url, form.asMap());
            if (!expected.equals(exchange.getRequestHeaders().getFirst(TwilioRequestSignature.HEADER))) {
                badSignatures.add(url);
            }
            if (exchange.getRequestURI().getPath().endsWith("/voice")) {
                byte[] xml = twiml.apply(form).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, xml.length);
                exchange.getResponseBody().write(xml);
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
        }
    }

    String participantCallback(String legId) {
        return baseUrl + "/api/telephony/twilio/participant-status?legId=" + legId;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
