package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 written byte by byte on a unix socket, as a Go plugin client sends it: no Jetty on this side. */
public final class RawUnixHttp {

    public record Answer(int status, Map<String, String> headers, String body) {

        public JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    private RawUnixHttp() {
    }

    public static Answer post(Path socket, String json) throws IOException {
        return post(socket, "application/json", json);
    }

    /** @param contentType null for a request without the header */
    public static Answer post(Path socket, String contentType, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\n"
                + "Host: socket\r\n"
                + "User-Agent: Go-http-client/1.1\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        return exchange(socket, concat(head.getBytes(StandardCharsets.US_ASCII), body));
    }

    public static Answer get(Path socket, String path) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: socket\r\nConnection: close\r\n\r\n";
        return exchange(socket, head.getBytes(StandardCharsets.US_ASCII));
    }

    /** Any bytes, as a client that may not speak HTTP at all sends them; the answer as HTTP. */
    public static Answer send(Path socket, String request) throws IOException {
        return exchange(socket, request.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer exchange(Path socket, byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                in.flip();
                received.write(in.array(), 0, in.limit());
                in.clear();
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String raw) {
        int endOfHead = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, endOfHead).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(status, headers, raw.substring(endOfHead + 4));
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
