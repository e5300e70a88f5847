package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates and texts served over HTTP by a local server the test starts. */
class HttpTemplatesIT {

    private static final Map<String, String> SERVED = Map.of(
            "/specs/main.ftl", "${include('parts/zone.ftl')}|${fetch('data.txt')}|<#include 'parts/inc.ftl'>",
            "/specs/parts/zone.ftl", "zone=${zone}",
            "/specs/parts/inc.ftl", "inc ${zone}",
            "/specs/data.txt", "${not rendered}",
            "/specs/reads-local.ftl", "${fetch('file:///etc/passwd')}");

    @TempDir
    Path root;

    HttpServer server;
    String base;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String body = SERVED.get(path);
            int status = path.equals("/broken") ? 500 : body == null ? 404 : 200;
            byte[] bytes = (body == null ? "no" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TemplateSession networkSession() {
        return new Templates(TemplatePolicy.confinedTo(root).allowingNetwork()).session();
    }

    @Test
    void rendersATemplateFromAUrlWithIncludesAndFetchesRelativeToIt() {
        Rendered rendered = networkSession().render(base + "/specs/main.ftl", Map.of("zone", "eu"));

        assertThat(rendered.name()).isEqualTo("main.ftl");
        assertThat(rendered.text()).isEqualTo("zone=eu|${not rendered}|inc eu");
    }

    @Test
    void aLocalTemplateIncludesAndFetchesUrls() {
        Rendered rendered = networkSession().renderString("local.ftl",
                "${include('" + base + "/specs/parts/zone.ftl')};${fetch('" + base + "/specs/data.txt')}", root,
                Map.of("zone", "us"));

        assertThat(rendered.text()).isEqualTo("zone=us;${not rendered}");
    }

    @Test
    void aResponseOtherThan200IsAnError() {
        assertThatThrownBy(() -> networkSession().render(base + "/specs/missing.ftl", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("GET " + base + "/specs/missing.ftl: HTTP 404");
        assertThatThrownBy(() -> networkSession().renderString("t.ftl", "\n${fetch('" + base + "/broken')}", root,
                Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.ftl:2:3: GET " + base + "/broken: HTTP 500");
    }

    @Test
    void withoutNetworkAccessNoRequestIsMade() {
        TemplateSession session = new Templates(TemplatePolicy.confinedTo(root)).session();

        assertThatThrownBy(() -> session.render(base + "/specs/main.ftl", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("network access is not allowed: " + base + "/specs/main.ftl");
        assertThatThrownBy(() -> session.renderString("t.ftl", "${include('" + base + "/specs/main.ftl')}", root,
                Map.of()))
                .hasMessage("t.ftl:1:3: network access is not allowed: " + base + "/specs/main.ftl");
        assertThat(requests).hasValue(0);
    }

    @Test
    void aTemplateFromTheNetworkIsConfinedLikeALocalOne() {
        assertThatThrownBy(() -> networkSession().render(base + "/specs/reads-local.ftl", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("reads-local.ftl:1:3: '/etc/passwd' is outside the playbook tree");
    }
}
