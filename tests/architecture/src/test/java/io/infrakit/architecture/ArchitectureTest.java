package io.infrakit.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rules of docs/architecture.md, checked on the production classes of every module. */
class ArchitectureTest {

    private static final String CLI_CORE = "io.infrakit.cli";
    private static final DescribedPredicate<JavaClass> A_COMMAND_GROUP = resideInAPackage("io.infrakit.cli..")
            .and(not(resideInAPackage(CLI_CORE))).as("a command-group package of the CLI");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.infrakit");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(production.stream().map(javaClass -> javaClass.getPackageName()))
                .anyMatch(name -> name.startsWith("io.infrakit.spi"))
                .anyMatch(name -> name.startsWith("io.infrakit.common"))
                .anyMatch(name -> name.startsWith("io.infrakit.manager"))
                .anyMatch(name -> name.startsWith("io.infrakit.engine"))
                .anyMatch(name -> name.startsWith("io.infrakit.rpc"))
                .anyMatch(name -> name.startsWith("io.infrakit.plugins"))
                .anyMatch(name -> name.startsWith("io.infrakit.image"))
                .anyMatch(name -> name.startsWith("io.infrakit.templates"))
                .anyMatch(name -> name.startsWith("io.infrakit.dsl"))
                .anyMatch(name -> name.startsWith("io.infrakit.playbooks"))
                .anyMatch(name -> name.startsWith("io.infrakit.cli"));
    }

    @Test
    void theSpiDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.infrakit.spi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.plugins..", "io.infrakit.cli..",
                        "io.infrakit.templates..", "io.infrakit.dsl..", "io.infrakit.playbooks..", "io.infrakit.testkit..",
                        "io.infrakit.common..", "io.infrakit.manager..", "io.infrakit.image..")
                .check(production);
    }

    @Test
    void theSharedHelpersKnowOnlyTheSpi() {
        noClasses().that().resideInAPackage("io.infrakit.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.plugins..", "io.infrakit.cli..",
                        "io.infrakit.templates..", "io.infrakit.dsl..", "io.infrakit.playbooks..", "io.infrakit.testkit..",
                        "io.infrakit.manager..", "io.infrakit.image..")
                .check(production);
    }

    @Test
    void theManagerDaemonRunsTheCliOnlyThroughItsCommandRunner() {
        noClasses().that().resideInAPackage("io.infrakit.manager..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.cli..", "io.infrakit.plugins..",
                        "io.infrakit.templates..", "io.infrakit.dsl..", "io.infrakit.playbooks..")
                .check(production);
        noClasses().that().resideOutsideOfPackages("io.infrakit.manager..", "io.infrakit.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.infrakit.manager..")
                .check(production);
    }

    @Test
    void internalPackagesAreUsedOnlyWhereTheyLive() {
        Set<String> internalPackages = new TreeSet<>();
        production.forEach(javaClass -> {
            String name = javaClass.getPackageName();
            int internal = name.indexOf(".internal");
            if (internal > 0) {
                internalPackages.add(name.substring(0, internal));
            }
        });
        assertThat(internalPackages).as("modules with internal packages").isNotEmpty();
        for (String owner : internalPackages) {
            noClasses().that().resideOutsideOfPackage(owner + "..")
                    .should().dependOnClassesThat().resideInAPackage(owner + ".internal..")
                    .as("only " + owner + " uses " + owner + ".internal")
                    .check(production);
        }
    }

    @Test
    void theEngineDoesNotReachTheDslTemplatesPlaybooksOrImages() {
        noClasses().that().resideInAPackage("io.infrakit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.dsl..", "io.infrakit.templates..",
                        "io.infrakit.playbooks..", "io.infrakit.image..", "io.infrakit.manager..")
                .check(production);
    }

    @Test
    void pluginsUseOnlyTheSpi() {
        noClasses().that().resideInAPackage("io.infrakit.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.cli..", "io.infrakit.templates..",
                        "io.infrakit.dsl..", "io.infrakit.playbooks..", "io.infrakit.testkit..", "io.infrakit.manager..")
                .check(production);
    }

    @Test
    void onePluginDoesNotReachIntoAnother() {
        Set<String> plugins = new TreeSet<>();
        production.forEach(javaClass -> {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length >= 5 && parts[2].equals("plugins")) {
                plugins.add(String.join(".", Arrays.copyOf(parts, 5)));
            }
        });
        assertThat(plugins).as("every built-in plugin").contains("io.infrakit.plugins.instance.simulator",
                "io.infrakit.plugins.instance.file", "io.infrakit.plugins.instance.qemu",
                "io.infrakit.plugins.flavor.vanilla", "io.infrakit.plugins.flavor.combo",
                "io.infrakit.plugins.flavor.swarm");
        for (String plugin : plugins) {
            String[] others = plugins.stream().filter(other -> !other.equals(plugin)).map(other -> other + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(plugin + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .as(plugin + " does not reach into another plugin")
                    .check(production);
        }
    }

    @Test
    void theRemoteProtocolKnowsOnlyTheSpi() {
        noClasses().that().resideInAPackage("io.infrakit.rpc..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.infrakit.engine..", "io.infrakit.plugins..", "io.infrakit.cli..")
                .check(production);
    }

    @Test
    void theEngineDoesNotKnowTheCliOrConcretePlugins() {
        noClasses().that().resideInAPackage("io.infrakit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.cli..", "io.infrakit.plugins..")
                .check(production);
    }

    @Test
    void templatesAndTheDslKnowOnlyTheSpiAndNotEachOther() {
        noClasses().that().resideInAPackage("io.infrakit.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.dsl..", "io.infrakit.playbooks..",
                        "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.plugins..", "io.infrakit.cli..")
                .check(production);
        noClasses().that().resideInAPackage("io.infrakit.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.templates..",
                        "io.infrakit.playbooks..", "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.plugins..",
                        "io.infrakit.cli..")
                .check(production);
    }

    @Test
    void theImageBuilderKnowsOnlyTheSpi() {
        noClasses().that().resideInAPackage("io.infrakit.image..")
                .should().dependOnClassesThat().resideInAnyPackage("io.infrakit.engine..", "io.infrakit.rpc..",
                        "io.infrakit.plugins..", "io.infrakit.cli..", "io.infrakit.templates..", "io.infrakit.dsl..",
                        "io.infrakit.playbooks..")
                .check(production);
    }

    @Test
    void playbooksProduceSpecsAndLeaveActingToTheCli() {
        noClasses().that().resideInAPackage("io.infrakit.playbooks..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.infrakit.engine..", "io.infrakit.rpc..", "io.infrakit.plugins..", "io.infrakit.cli..")
                .check(production);
    }

    @Test
    void theCliIsSplitByCommandGroup() {
        Set<String> groups = new TreeSet<>();
        production.stream().filter(A_COMMAND_GROUP).forEach(javaClass -> groups.add(javaClass.getPackageName()));
        assertThat(groups).as("the CLI's command-group packages (docs/architecture.md)").contains(
                "io.infrakit.cli.group", "io.infrakit.cli.instance", "io.infrakit.cli.playbook",
                "io.infrakit.cli.image", "io.infrakit.cli.manager", "io.infrakit.cli.plugin",
                "io.infrakit.cli.template", "io.infrakit.cli.completion");
    }

    @Test
    void theCliCommandGroupsAreFreeOfCycles() {
        slices().matching("io.infrakit.cli.(*)..").should().beFreeOfCycles()
                .check(production);
    }

    @Test
    void oneCommandGroupDoesNotReachIntoAnother() {
        slices().matching("io.infrakit.cli.(*)..").should().notDependOnEachOther()
                .ignoreDependency(classOrItsNested("io.infrakit.cli.group.GroupDescribeCommand"),
                        classOrItsNested("io.infrakit.cli.instance.InstanceDescribeCommand"))
                .because("what several command groups share lives in io.infrakit.cli; the one exception: "
                        + "group describe lists a group's instances in instance describe's table, so the two "
                        + "print instances alike")
                .check(production);
    }

    @Test
    void theCliCoreKnowsTheCommandGroupsOnlyWhereItAssemblesTheTree() {
        noClasses().that().resideInAPackage(CLI_CORE)
                .and(not(classOrItsNested("io.infrakit.cli.RootCommand")))
                .and(not(classOrItsNested("io.infrakit.cli.CommandPlacement")))
                .and(not(classOrItsNested("io.infrakit.cli.StatusCommand")))
                .should().dependOnClassesThat(A_COMMAND_GROUP)
                .because("the core is what the command groups share; RootCommand declares the command tree, "
                        + "CommandPlacement decides by a command's type and options where it runs, and status "
                        + "(checked on its own) shows the plugins as plugin ls does")
                .check(production);
        noClasses().that(classOrItsNested("io.infrakit.cli.StatusCommand"))
                .should().dependOnClassesThat(A_COMMAND_GROUP
                        .and(not(classOrItsNested("io.infrakit.cli.plugin.PluginLsCommand"))))
                .because("status shows the plugins as plugin ls lists them, and reads nothing else of a command "
                        + "group")
                .check(production);
    }

    @Test
    void onlyTheCliExitsTheJvm() {
        noClasses().that().resideOutsideOfPackage("io.infrakit.cli..")
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(production);
    }

    @Test
    void onlyTheCliAndTheBenchmarksPrintToTheConsole() {
        noClasses().that().resideOutsideOfPackages("io.infrakit.cli..", "io.infrakit.bench..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(production);
    }

    @Test
    void nobodyUsesJavaUtilLogging() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .check(production);
    }

    /** A class given by its name, with its nested and anonymous classes (and the lambdas' code in them). */
    private static DescribedPredicate<JavaClass> classOrItsNested(String name) {
        Pattern classOrNested = Pattern.compile(Pattern.quote(name) + "(\\$.*)?");
        return DescribedPredicate.describe(name.substring(name.lastIndexOf('.') + 1),
                javaClass -> classOrNested.matcher(javaClass.getName()).matches());
    }
}
