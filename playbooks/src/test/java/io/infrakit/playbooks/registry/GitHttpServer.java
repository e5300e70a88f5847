package io.infrakit.playbooks.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Git's smart HTTP on 127.0.0.1 and a free port: the JDK's HTTP server demands basic authentication for one user
 * and password, then hands the request to {@code git http-backend} (CGI) serving the bare repositories under a
 * directory. Every {@code Authorization} header it received is kept, to check what a client sent.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Path projectRoot;
    private final String expected;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private GitHttpServer(Path projectRoot, String user, String password) throws IOException {
        this.projectRoot = projectRoot;
        this.expected = basic(user, password);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code projectRoot} to {@code user} with {@code password}, and to nobody else. */
    static GitHttpServer start(Path projectRoot, String user, String password) throws IOException {
        return new GitHttpServer(projectRoot, user, password);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a repository, by its path under the served directory. */
    String url(String repository) {
        return "http://127.0.0.1:" + port() + "/" + repository;
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"playbooks\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            httpBackend(exchange);
        }
    }

    private void httpBackend(HttpExchange exchange) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> cgi = builder.environment();
        cgi.keySet().removeIf(name -> name.startsWith("GIT_"));
        cgi.put("GIT_PROJECT_ROOT", projectRoot.toString());
        cgi.put("GIT_HTTP_EXPORT_ALL", "1");
        cgi.put("GIT_CONFIG_NOSYSTEM", "1");
        cgi.put("HOME", projectRoot.toString());
        cgi.put("REQUEST_METHOD", exchange.getRequestMethod());
        cgi.put("PATH_INFO", exchange.getRequestURI().getPath());
        cgi.put("QUERY_STRING", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        cgi.put("REMOTE_USER", "playbooks");
        cgi.put("REMOTE_ADDR", "127.0.0.1");
        header(exchange, "Content-Type").ifPresent(type -> cgi.put("CONTENT_TYPE", type));
        header(exchange, "Content-Encoding").ifPresent(encoding -> cgi.put("HTTP_CONTENT_ENCODING", encoding));
        header(exchange, "Git-Protocol").ifPresent(protocol -> cgi.put("HTTP_GIT_PROTOCOL", protocol));
        Process process = builder.start();
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> copyBody(exchange, process));
        InputStream response = process.getInputStream();
        int status = 200;
        for (String line : headerLines(response)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            response.transferTo(body);
        }
        request.join();
    }

    private static void copyBody(HttpExchange exchange, Process process) {
        try (InputStream body = exchange.getRequestBody(); OutputStream stdin = process.getOutputStream()) {
            body.transferTo(stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CGI response's header lines, up to the blank line that ends them. */
    private static List<String> headerLines(InputStream response) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int previous = -1;
        for (int c = response.read(); c >= 0; c = response.read()) {
            if (c == '\r') {
                continue;
            }
            if (c == '\n' && previous == '\n') {
                break;
            }
            headers.write(c);
            previous = c;
        }
        return headers.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(":")).toList();
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }
}
