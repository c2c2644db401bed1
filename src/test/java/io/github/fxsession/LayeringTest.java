package io.github.fxsession;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of fxsession: the public API shows none of the libraries it is built on, the
 * implementation never reaches up into the UI package, and samples use the public API only.
 */
class LayeringTest {

    /** Libraries behind the API; applications must be able to upgrade or drop them without breaking. */
    private static final List<String> HIDDEN_LIBRARIES = List.of(
            "okhttp3..", "okio..", "kotlin..", "tools.jackson..", "com.fasterxml.jackson..",
            "org.openjdk.nashorn..", "com.fazecast..", "com.gitlab.dumonts..",
            "dumonts..", "com.sun.jna..", // the Hunspell binding lives in dumonts.hunspell, on JNA
            "org.apache.lucene.."); // suggestions: Lucene's Hunspell

    private static JavaClasses library;
    private static JavaClasses withTests;

    @BeforeAll
    static void importClasses() {
        List<Path> directories = classDirectories();
        ImportOption fxsessionOnly = location -> location.contains("/io/github/fxsession/");
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(fxsessionOnly)
                .importPaths(directories);
        withTests = new ClassFileImporter().withImportOption(fxsessionOnly).importPaths(directories);
    }

    /**
     * The build's class directories (main classes, and tests with the samples), as found on this JVM's
     * module path and class path. Only directories are imported: {@code importPackages} would scan every
     * jar on the path, which takes seconds.
     */
    private static List<Path> classDirectories() {
        Set<Path> directories = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isDirectory(Path.of(entry))) {
                    directories.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
        }
        return List.copyOf(directories);
    }

    @Test
    void theRulesSeeTheLibraryWithoutItsTests() {
        assertThat(library.contain(Session.class)).as("Session among %s classes", library.size()).isTrue();
        assertThat(library.contain(LayeringTest.class)).isFalse();
        assertThat(withTests.contain(LayeringTest.class)).isTrue();
    }

    @Test
    void thePublicApiShowsNoTypeOfTheLibrariesBehindIt() {
        codeUnits().that(areVisibleApiMembers())
                .should(mentionNoTypeOf(HIDDEN_LIBRARIES))
                .because("OkHttp, Okio, Kotlin, Jackson, Nashorn, jSerialComm and Hunspell are implementation details"
                        + " that live in io.github.fxsession.internal; an application must never compile against them"
                        + " through fxsession")
                .check(library);
    }

    @Test
    void thePublicApiHasNoPublicFieldOfTheLibrariesBehindIt() {
        fields().that(areVisibleApiMembers())
                .should(mentionNoTypeOf(HIDDEN_LIBRARIES))
                .because("public fields are part of the API as much as method signatures are")
                .allowEmptyShould(true)
                .check(library);
    }

    @Test
    void theImplementationDoesNotDependOnTheUiPackage() {
        noClasses().that().resideInAPackage("io.github.fxsession.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.github.fxsession.ui..")
                .because("the ready-made dialogs in io.github.fxsession.ui sit on top of the public API; the"
                        + " implementation must work, and be tested, without them")
                .check(library);
    }

    @Test
    void theImplementationDoesNotDependOnTheDownloadsPanel() {
        noClasses().that().resideInAPackage("io.github.fxsession.internal..")
                .should().dependOnClassesThat().haveNameMatching("io\\.github\\.fxsession\\.download\\.DownloadsPanel.*")
                .because("the downloads panel is a ready-made view over the public download API; downloads must"
                        + " work, and be tested, without it")
                .check(library);
    }

    @Test
    void samplesUseThePublicApiOnly() {
        noClasses().that().resideInAPackage("io.github.fxsession.samples..")
                .should().dependOnClassesThat().resideInAPackage("io.github.fxsession.internal..")
                .because("samples show applications what they can write; internal packages are not exported")
                .allowEmptyShould(true)
                .check(withTests);
    }

    @Test
    void onlyTheImplementationTouchesJdkAndJavaFxInternals() {
        noClasses().that().resideOutsideOfPackage("io.github.fxsession.internal..")
                .should().dependOnClassesThat().resideInAPackage("com.sun..")
                .because("com.sun packages change between JDK and JavaFX releases; touching them is confined to"
                        + " io.github.fxsession.internal, where each use is documented and tested")
                .check(library);
    }

    @Test
    void onlyTheProxyImplementationTouchesNashorn() {
        noClasses().that().resideOutsideOfPackage("io.github.fxsession.internal.proxy..")
                .should().dependOnClassesThat().resideInAPackage("org.openjdk.nashorn..")
                .because("PAC scripts run in one sandboxed place (PacScript: --no-java, no class visible, a time"
                        + " limit); any other use of the engine would escape that sandbox")
                .check(library);
    }

    /** Public or protected members of public classes outside {@code internal} packages. */
    private static DescribedPredicate<JavaMember> areVisibleApiMembers() {
        return DescribedPredicate.describe("are public or protected members of public API classes",
                member -> isVisible(member) && isApiClass(member.getOwner()));
    }

    private static boolean isVisible(HasModifiers element) {
        Set<JavaModifier> modifiers = element.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isApiClass(JavaClass owner) {
        return owner.getModifiers().contains(JavaModifier.PUBLIC)
                && !owner.getPackageName().startsWith("io.github.fxsession.internal");
    }

    private static ArchCondition<JavaMember> mentionNoTypeOf(List<String> packages) {
        DescribedPredicate<JavaClass> hidden = JavaClass.Predicates.resideInAnyPackage(packages.toArray(String[]::new));
        return new ArchCondition<>("mention no type of " + packages) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> types = new LinkedHashSet<>();
                if (member instanceof JavaCodeUnit codeUnit) {
                    types.addAll(codeUnit.getAllInvolvedRawTypes());
                    types.addAll(codeUnit.getExceptionTypes());
                } else if (member instanceof JavaField field) {
                    types.addAll(field.getAllInvolvedRawTypes());
                }
                for (JavaClass type : types) {
                    JavaClass base = type.getBaseComponentType();
                    if (hidden.test(base)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " mentions " + base.getName()));
                    }
                }
            }
        };
    }
}
