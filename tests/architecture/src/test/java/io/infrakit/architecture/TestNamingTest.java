package io.infrakit.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names tell the build what to run (docs/testing.md): a class that holds tests is named *Test or *Spec (surefire),
 * *IT or *E2E (failsafe). Anything else would silently never run. The test sources of every module the parent pom
 * lists are read, so a module built after this one is checked too.
 */
class TestNamingTest {

    private static final List<String> SUFFIXES = List.of("Test", "Spec", "IT", "E2E", "LiveTest");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern HOLDS_TESTS = Pattern.compile(
            "@(org\\.junit\\.jupiter\\.api\\.)?Test\\b|@ParameterizedTest\\b|extends\\s+(spock\\.lang\\.)?Specification\\b");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void everyClassWithTestsIsNamedSoTheBuildRunsIt() throws IOException {
        List<Path> modules = modules();
        assertThat(modules).as("the parent pom's modules").hasSizeGreaterThan(10)
                .contains(ROOT.resolve("tests/e2e"), ROOT.resolve("cli"), ROOT.resolve("manager"));

        List<Path> sources = modules.stream().flatMap(TestNamingTest::testSources).toList();
        List<Path> withTests = sources.stream().filter(TestNamingTest::holdsTests).toList();
        List<String> misnamed = withTests.stream()
                .map(path -> ROOT.relativize(path).toString())
                .filter(name -> SUFFIXES.stream().noneMatch(suffix -> name.endsWith(suffix + ".java")
                        || name.endsWith(suffix + ".groovy")))
                .toList();

        assertThat(withTests).as("test sources found").hasSizeGreaterThan(100)
                .anyMatch(path -> path.startsWith(ROOT.resolve("tests/e2e")))
                .anyMatch(path -> path.startsWith(ROOT.resolve("manager")));
        assertThat(misnamed).as("classes with tests that surefire and failsafe would not run").isEmpty();
    }

    private static List<Path> modules() throws IOException {
        Matcher matcher = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<Path> modules = new java.util.ArrayList<>();
        while (matcher.find()) {
            modules.add(ROOT.resolve(matcher.group(1).trim()));
        }
        return modules;
    }

    private static Stream<Path> testSources(Path module) {
        Path tests = module.resolve("src/test");
        if (!Files.isDirectory(tests)) {
            return Stream.empty();
        }
        try (Stream<Path> paths = Files.walk(tests)) {
            return paths.filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".groovy"))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsTests(Path source) {
        try {
            return HOLDS_TESTS.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
