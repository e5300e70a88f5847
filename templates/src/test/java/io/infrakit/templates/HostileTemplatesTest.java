package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Templates written to escape the sandbox or exhaust the JVM each fail fast, with one line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HostileTemplatesTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(1);
    private static final Duration BOUNDED = Duration.ofSeconds(5);

    Path base;
    Path root;
    Path specs;
    Templates templates;

    @BeforeAll
    void writePlaybookNextToASecret(@TempDir Path directory) throws IOException {
        base = directory;
        root = base.resolve("playbook");
        specs = root.resolve("specs");
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(outside.resolve("secret.ftl"), "secret ${1 + 1}");
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("specs/self.ftl", "x${include('self.ftl')}");
        tree.write("specs/self-directive.ftl", "x<#include 'self-directive.ftl'>");
        tree.write("specs/self-source.ftl", "x${source('self-source.ftl')}");
        tree.write("specs/huge.ftl", "<#list 1..100000000 as i>xxxxxxxxxx</#list>");
        tree.write("specs/normal.json.ftl", "{\"ID\": \"${id}\"}");
        Files.createSymbolicLink(specs.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(specs.resolve("linked-dir"), outside);
        templates = new Templates(TemplatePolicy.confinedTo(root), TIME_LIMIT);
    }

    Stream<Arguments> hostileTemplates() {
        String outsideSecret = base.resolve("outside/secret.txt").toString();
        return Stream.of(
                hostile("?new instantiates a class",
                        "<#assign run = 'freemarker.template.utility.Execute'?new()>${run('id')}",
                        "h.ftl:1:1: Instantiating freemarker.template.utility.Execute is not allowed in the template"
                                + " for security reasons."),
                hostile("<#setting> re-enables ?new",
                        "<#setting new_builtin_class_resolver='unrestricted'>",
                        "h.ftl:1:11: The setting name is recognized, but changing this setting from inside a template"
                                + " isn't supported."),
                hostile("?api reaches Java methods", "${image?api.getClass()}",
                        "h.ftl:1:3: Can't use ?api, because the \"api_builtin_enabled\" configuration setting is"
                                + " false. Think twice before you set it to true though. Especially, it shouldn't"
                                + " abused for modifying Map-s and Collection-s."),
                hostile(".class on a string", "${image.class}",
                        "h.ftl:1:3: For \".\" left-hand operand: Expected a hash, but this has evaluated to a"
                                + " string: image"),
                hostile(".class on a hash", "${spec.class.forName('java.lang.Runtime')}",
                        "h.ftl:1:3: 'spec.class' is not defined"),
                hostile("getClass() on a hash", "${spec.getClass()}", "h.ftl:1:3: 'spec.getClass' is not defined"),
                hostile("file() of /etc/passwd", "${file('/etc/passwd')}",
                        "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"),
                hostile("include() of /etc/passwd", "${include('/etc/passwd')}",
                        "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"),
                hostile("<#include> of /etc/passwd", "<#include '/etc/passwd'>",
                        "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"),
                hostile(".get_optional_template of /etc/passwd", "${.get_optional_template('/etc/passwd').exists?c}",
                        "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"),
                hostile("fetch() of file:///etc/passwd", "${fetch('file:///etc/passwd')}",
                        "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"),
                hostile("../../ out of the tree with fetch()", "${fetch('../../outside/secret.txt')}",
                        "h.ftl:1:3: '" + outsideSecret + "' is outside the playbook tree"),
                hostile("../../ out of the tree with <#include>", "<#include '../../outside/secret.ftl'>",
                        "h.ftl:1:1: '" + base.resolve("outside/secret.ftl") + "' is outside the playbook tree"),
                hostile("../ beyond the file system root with <#import>",
                        "<#import '../../../../../../../../../../../../etc/passwd' as p>",
                        "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"),
                hostile("a symbolic link to a file outside", "${file('link.txt')}",
                        "h.ftl:1:3: '" + specs.resolve("link.txt") + "' is outside the playbook tree"),
                hostile("a symbolic link to a directory outside", "${include('linked-dir/secret.ftl')}",
                        "h.ftl:1:3: '" + specs.resolve("linked-dir/secret.ftl") + "' is outside the playbook tree"),
                hostile("an endless empty <#list>", "<#list 1..2147483647 as i></#list>",
                        "h.ftl: rendering took longer than 1s; stopped"),
                hostile("an endless <#list> that assigns", "<#list 1..2147483647 as i><#assign x = i></#list>",
                        "h.ftl: rendering took longer than 1s; stopped"),
                hostile("an endless loop inside <#attempt>",
                        "<#attempt><#list 1..2147483647 as i><#assign x = i></#list><#recover>caught</#attempt>",
                        "h.ftl: rendering took longer than 1s; stopped"),
                hostile("an endless loop around include()",
                        "<#list 1..2147483647 as i>${include('str://')}</#list>",
                        "h.ftl: rendering took longer than 1s; stopped"),
                hostile("include() of itself", "${include('self.ftl')}", "self.ftl:1:4: include depth exceeds 32"),
                hostile("source() of itself", "${source('self-source.ftl')}",
                        "self-source.ftl:1:4: include depth exceeds 32"),
                hostile("<#include> of itself", "<#include 'self-directive.ftl'>", "h.ftl: templates nest too deeply"),
                hostile("a recursive macro", "<#macro m><@m/></#macro><@m/>", "h.ftl: templates nest too deeply"),
                hostile("1 GB of output", "<#list 1..100000000 as i>xxxxxxxxxx</#list>",
                        "h.ftl: rendered output exceeds 16 MiB"),
                hostile("1 GB of output from an included template", "${include('huge.ftl')}",
                        "huge.ftl: rendered output exceeds 16 MiB"),
                hostile("?interpret, which would escape the time limit",
                        "<#assign loop = '<#list 1..2147483647 as i></#list>'?interpret><@loop/>",
                        "h.ftl:1:53: ?interpret is not allowed in templates"),
                hostile("?eval hiding ?interpret", "${(\"'x'?inter\" + \"pret\")?<#-- -->eval}",
                        "h.ftl:1:25: ?eval is not allowed in templates"));
    }

    private static Arguments hostile(String description, String body, String expectedMessage) {
        return Arguments.of(description, body, expectedMessage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTemplates")
    void failsWithOneLineInBoundedTime(String description, String body, String expectedMessage) {
        long start = System.nanoTime();

        assertThatThrownBy(() -> render(templates.session(), body))
                .isInstanceOf(TemplateException.class)
                .hasMessage(expectedMessage);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUNDED);
    }

    @Test
    void aNormalRenderStillWorksAfterEveryHostileTemplate() {
        TemplateSession session = templates.session();
        hostileTemplates().forEach(hostile -> assertThatThrownBy(() -> render(session, (String) hostile.get()[1]))
                .isInstanceOf(TemplateException.class));

        Rendered rendered = session.render(specs.resolve("normal.json.ftl").toString(), Map.of("id", "workers"));

        assertThat(rendered.text()).isEqualTo("{\"ID\": \"workers\"}");
    }

    @Test
    void aStoppedRenderLeavesNoThreadRenderingAndItsCallerNotInterrupted() {
        assertThatThrownBy(() -> render(templates.session(), "<#list 1..2147483647 as i><#assign x = i></#list>"))
                .hasMessage("h.ftl: rendering took longer than 1s; stopped");

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        List<String> rendering = Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("freemarker.core.")))
                .map(thread -> thread.getKey().getName())
                .toList();
        assertThat(rendering).isEmpty();
    }

    @Test
    void aRenderThatFinishesInTimeLeavesItsCallerNotInterrupted() {
        Rendered rendered = render(templates.session(), "<#list 1..1000 as i><#assign x = i></#list>${x}");

        assertThat(rendered.text()).isEqualTo("1000");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    private Rendered render(TemplateSession session, String body) {
        return session.renderString("h.ftl", body, specs,
                Map.of("image", "ubuntu", "spec", Map.of("ID", "workers")));
    }
}
