package cc.monitoring.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Live streams ({@code GET /api/monitoring/stream}) opened as plain sockets with one small reader thread each, cheap
 * enough for thousands: counted {@link #opened} at the {@code hello} event, {@link #dropped} when an open one ends,
 * {@link #refused} by status (or exception) when it never opened. Every other line of the event stream goes to the
 * stream's line consumer (the chunked framing removed: an event may span chunks).
 */
final class RawStreams implements AutoCloseable {

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new ArrayList<>();

    /**
     * Opens one stream to {@code target} (from the loopback address {@code source}, or any when null) with
     * {@code token}; {@code answered} counts down once it opened or failed; {@code lines} gets every line after
     * {@code hello}, on the stream's own thread.
     */
    void open(URI target, InetAddress source, String token, CountDownLatch answered, String threadName,
              Consumer<String> lines) {
        Thread reader = new Thread(null, () -> {
            boolean counted = false;
            try (Socket socket = new Socket()) {
                if (source != null) {
                    socket.bind(new InetSocketAddress(source, 0));
                }
                socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
                synchronized (sockets) {
                    sockets.add(socket);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/monitoring/stream HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                        + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream raw = new BufferedInputStream(socket.getInputStream());
                String status = asciiLine(raw);
                if (status == null || !status.startsWith("HTTP/1.1 200")) {
                    refused.computeIfAbsent(status == null ? "closed" : status.substring(Math.min(9, status.length())).trim(),
                            s -> new AtomicInteger()).incrementAndGet();
                    return;
                }
                boolean chunked = false;
                for (String header = asciiLine(raw); header != null && !header.isEmpty(); header = asciiLine(raw)) {
                    String h = header.toLowerCase(Locale.ROOT);
                    chunked |= h.startsWith("transfer-encoding:") && h.contains("chunked");
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(chunked ? new Chunked(raw) : raw,
                        StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!counted && line.contains("hello")) {
                        counted = true;
                        opened.incrementAndGet();
                        answered.countDown();
                    } else {
                        lines.accept(line);
                    }
                }
                if (counted) {
                    dropped.incrementAndGet();
                }
            } catch (IOException e) {
                if (counted) {
                    dropped.incrementAndGet();
                } else {
                    refused.computeIfAbsent(e.getClass().getSimpleName(), s -> new AtomicInteger()).incrementAndGet();
                }
            } finally {
                if (!counted) {
                    answered.countDown();
                }
            }
        }, threadName, 128 * 1024);
        reader.setDaemon(true);
        reader.start();
    }

    /** How many are open now. */
    int open() {
        return opened.get() - dropped.get();
    }

    @Override
    public void close() {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** One header line (CRLF-terminated, ASCII), null at the end of the stream. */
    static String asciiLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** The body of a chunked HTTP/1.1 response, without the chunk framing (an event may span chunks). */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = asciiLine(in);
                while (size != null && size.isEmpty()) { // the CRLF after the previous chunk
                    size = asciiLine(in);
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                int extension = size.indexOf(';');
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                done = true;
                return -1;
            }
            left -= n;
            return n;
        }
    }
}
