package org.cloak.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.architecture.ArchitectureTest.edge;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cloak.architecture.ArchitectureTest.Edge;
import org.cloak.architecture.ArchitectureTest.Rules;
import org.cloak.architecture.fixture.deid.BadEngineReadsImages;
import org.cloak.architecture.fixture.deid.BadEngineUsesPixel;
import org.cloak.architecture.fixture.deid.BadEngineUsesVerify;
import org.cloak.architecture.fixture.deid.BadEngineWritesFiles;
import org.cloak.architecture.fixture.deid.rule.BadRuleOpensStreams;
import org.cloak.architecture.fixture.dicom.BadCodecUsesDeid;
import org.cloak.architecture.fixture.dicom.Codec;
import org.cloak.architecture.fixture.net.BadLinkUsesPipeline;
import org.cloak.architecture.fixture.pipeline.BadBatchUsesCli;
import org.cloak.architecture.fixture.pipeline.BadBatchUsesNet;
import org.cloak.architecture.fixture.server.BadApiUsesCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule, run on a miniature of the modules under {@code org.cloak.architecture.fixture}: it holds
 * on the classes that keep to the design and reports the one class ({@code Bad...}) that breaks it on purpose.
 */
class BrokenArchitectureTest {
    private static final String ROOT = "org.cloak.architecture.fixture";
    private static final String DEID = ROOT + ".deid";
    private static final String VERIFY = ROOT + ".deid.verify";

    /** The fixture classes, read from the test output folder alone. */
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importPath(testOutput().resolve(ROOT.replace('.', '/')));
    private static final JavaClasses GOOD = FIXTURES.that(not(simpleNameStartingWith("Bad")));

    private static Path testOutput() {
        try {
            return Path.of(Codec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("net only from the node and the front ends", rule(Rules::netOnlyFromTheNodeAndTheFrontEnds),
                        BadBatchUsesNet.class),
                arguments("dicom on no other module", rule(Rules::dicomDependsOnNoOtherModule),
                        BadCodecUsesDeid.class),
                arguments("net on dicom only", rule(Rules::netDependsOnDicomOnly), BadLinkUsesPipeline.class),
                arguments("deid on no outer module", rule(Rules::deidDependsOnNoOuterModule),
                        BadEngineUsesPixel.class),
                arguments("pipeline not on cli", rule(Rules::pipelineDoesNotDependOnTheCli), BadBatchUsesCli.class),
                arguments("no module on a front end", rule(Rules::noModuleDependsOnAFrontEnd),
                        BadApiUsesCli.class),
                arguments("no module on a front end (pipeline)", rule(Rules::noModuleDependsOnAFrontEnd),
                        BadBatchUsesCli.class),
                arguments("image libraries in pixel only", rule(Rules::imageLibrariesInPixelOnly),
                        BadEngineReadsImages.class),
                arguments("deid does no file I/O (Files)", rule(Rules::deidDoesNoFileIo), BadEngineWritesFiles.class),
                arguments("deid does no file I/O (streams)", rule(Rules::deidDoesNoFileIo),
                        BadRuleOpensStreams.class),
                arguments("no package cycles", rule(Rules::noPackageCyclesButTheAllowedOnes),
                        BadEngineUsesVerify.class));
    }

    private static ArchRule rule(Function<Rules, ArchRule> rule) {
        return rule.apply(new Rules(ROOT, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleHoldsOnTheGoodClassesAndReportsTheBadOne(String name, ArchRule rule, Class<?> bad) {
        EvaluationResult good = rule.evaluate(GOOD);
        assertThat(good.hasViolation()).as(good.getFailureReport().toString()).isFalse();

        EvaluationResult broken = rule.evaluate(goodAnd(bad));
        assertThat(broken.hasViolation()).as(name).isTrue();
        assertThat(broken.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains(bad.getName()));
    }

    @Test
    void everyBadFixtureBreaksSomeRule() {
        List<String> bad = FIXTURES.stream().filter(c -> c.getSimpleName().startsWith("Bad"))
                .map(c -> c.getName()).toList();
        List<String> covered = rules().map(a -> ((Class<?>) a.get()[2]).getName()).toList();
        assertThat(bad).isNotEmpty().containsExactlyInAnyOrderElementsOf(covered.stream().distinct().toList());
    }

    @Test
    void aCycleNamesItsPackagesAndTheCodeThatClosesIt() {
        EvaluationResult r = cycles(List.of()).evaluate(goodAnd(BadEngineUsesVerify.class));
        assertThat(r.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("Cycle " + DEID + " -> " + VERIFY + " -> " + DEID)
                        .contains(BadEngineUsesVerify.class.getName() + ".check()"))
                .anySatisfy(d -> assertThat(d).contains("Cycle " + VERIFY + " -> " + DEID + " -> " + VERIFY));
    }

    @Test
    void allowedCycleEdgesLetThatCycleThroughButNoOther() {
        JavaClasses classes = goodAnd(BadEngineUsesVerify.class);
        assertThat(cycles(List.of(edge(DEID, VERIFY), edge(VERIFY, DEID))).evaluate(classes).hasViolation())
                .isFalse();
        EvaluationResult half = cycles(List.of(edge(VERIFY, DEID))).evaluate(classes);
        assertThat(half.getFailureReport().getDetails()).singleElement().asString()
                .contains("package dependency " + DEID + " -> " + VERIFY + ", which is not allowed");

        EvaluationResult another = cycles(List.of(edge(DEID, VERIFY), edge(VERIFY, DEID)))
                .evaluate(goodAnd(BadEngineUsesVerify.class, BadCodecUsesDeid.class));
        assertThat(another.getFailureReport().getDetails()).hasSize(2)
                .allSatisfy(d -> assertThat(d).contains(ROOT + ".dicom"));
    }

    @Test
    void anAllowedEdgeThatNoLongerLiesOnACycleFails() {
        EvaluationResult r = cycles(List.of(edge(ROOT + ".pipeline", DEID), edge(DEID, VERIFY)))
                .evaluate(GOOD);
        assertThat(r.getFailureReport().getDetails()).hasSize(2)
                .allSatisfy(d -> assertThat(d).contains("no longer lies on a cycle"));
    }

    @Test
    void aClassAllowedFileIoIsLeftOutAndTheOthersAreStillCaught() {
        Rules rules = new Rules(ROOT, List.of(), List.of(BadEngineWritesFiles.class.getName()));
        JavaClasses classes = goodAnd(BadEngineWritesFiles.class, BadRuleOpensStreams.class);
        assertThat(rules.deidDoesNoFileIo().evaluate(classes).getFailureReport().getDetails())
                .isNotEmpty().allSatisfy(d -> assertThat(d).contains(BadRuleOpensStreams.class.getName()));
        assertThat(rules.topLevelClassesDoingFileIo(classes))
                .containsExactly(BadEngineWritesFiles.class.getName(), BadRuleOpensStreams.class.getName());
    }

    private static ArchRule cycles(List<Edge> allowed) {
        return new Rules(ROOT, allowed, List.of()).noPackageCyclesButTheAllowedOnes();
    }

    /** The classes that keep to the design and the given ones that do not. */
    private static JavaClasses goodAnd(Class<?>... bad) {
        DescribedPredicate<JavaClass> chosen = not(simpleNameStartingWith("Bad"));
        for (Class<?> c : bad) {
            chosen = chosen.or(equivalentTo(c));
        }
        return FIXTURES.that(chosen);
    }
}
