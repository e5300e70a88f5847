package io.infrakit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names tell the build what to run (docs/testing.md): a class that holds tests is named *Test or *Spec (surefire),
 * *IT or *E2E (failsafe). Anything else would silently never run.
 */
class TestNamingTest {

    private static final List<String> SUFFIXES = List.of("Test", "Spec", "IT", "E2E", "LiveTest");

    @Test
    void everyClassWithTestsIsNamedSoTheBuildRunsIt() {
        List<Path> testClassDirs = testClassDirectories();
        assertThat(testClassDirs).as("test-classes directories of the modules").hasSizeGreaterThan(5);

        JavaClasses tests = new ClassFileImporter().importPaths(testClassDirs);
        List<String> misnamed = tests.stream()
                .filter(TestNamingTest::holdsTests)
                .filter(javaClass -> !javaClass.isNestedClass())
                .map(JavaClass::getName)
                .filter(name -> SUFFIXES.stream().noneMatch(name::endsWith))
                .toList();

        assertThat(tests.stream().filter(TestNamingTest::holdsTests)).hasSizeGreaterThan(10);
        assertThat(misnamed).as("classes with tests that surefire and failsafe would not run").isEmpty();
    }

    private static boolean holdsTests(JavaClass javaClass) {
        return javaClass.getMethods().stream().anyMatch(method ->
                method.isAnnotatedWith("org.junit.jupiter.api.Test")
                        || method.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest"))
                || javaClass.isAssignableTo("spock.lang.Specification");
    }

    private static List<Path> testClassDirectories() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        try (Stream<Path> paths = Files.walk(root, 5)) {
            return paths.filter(path -> path.endsWith(Path.of("target", "test-classes")))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
