package org.cloak.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module structure of the design ("Architecture"), checked on the main classes of every module.
 *
 * <p>The rules are written against a root package so that {@link BrokenArchitectureTest} can show each of them
 * failing on a small set of classes that break it on purpose; here the root is {@code org.cloak}.
 */
class ArchitectureTest {

    /**
     * Package dependencies allowed to lie on a cycle, each written as the pair (from, to): none. A dependency between
     * two packages that lies on a cycle and is not listed here fails {@link #noNewPackageCycles()}, and so does a
     * listed pair that no longer lies on a cycle: the list can only shrink, and it is empty.
     */
    static final List<Edge> ALLOWED_CYCLE_EDGES = List.of();

    /**
     * Top-level classes of the engine (outside {@code deid.verify}) that read or write files today; their nested
     * classes too. The rest of the engine does no file I/O, and a listed class that no longer does any fails
     * {@link #theClassesAllowedFileIoStillDoIt()}: the list only shrinks.
     */
    static final List<String> ALLOWED_FILE_IO = List.of(
            "org.cloak.deid.pseudo.CsvMapping", // reads a pseudonym mapping CSV
            "org.cloak.deid.pseudo.SecretStore", // creates, reads and publishes the project secret file
            "org.cloak.deid.recipe.PatientIdSection", // checks that a recipe's CSV file exists
            "org.cloak.deid.recipe.RecipeReader"); // reads a recipe file

    /** Main classes of every Cloak module on this class path: no test classes, no third-party jars. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cloak");

    private static final Rules RULES = new Rules("org.cloak", ALLOWED_CYCLE_EDGES, ALLOWED_FILE_IO);

    @Test
    void theMainClassesOfEveryModuleAreImportedAndNoTestClass() {
        Set<String> modules = MAIN.stream().map(c -> c.getPackageName().split("\\.")).filter(p -> p.length > 2)
                .map(p -> p[2]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(modules).contains("dicom", "net", "pixel", "deid", "pipeline", "cli", "testkit");
        assertThat(MAIN.stream().map(JavaClass::getName))
                .noneMatch(n -> n.startsWith("org.cloak.architecture."))
                .noneMatch(n -> n.endsWith("Test"));
    }

    @Test
    void onlyTheNetworkNodeAndTheFrontEndsUseCloakNet() {
        RULES.netOnlyFromTheNodeAndTheFrontEnds().check(MAIN);
    }

    @Test
    void theCodecDependsOnNoOtherModule() {
        RULES.dicomDependsOnNoOtherModule().check(MAIN);
    }

    @Test
    void theNetworkDependsOnTheCodecOnly() {
        RULES.netDependsOnDicomOnly().check(MAIN);
    }

    @Test
    void theEngineDependsNeitherOnThePipelineNorOnNetworkPixelsOrFrontEnds() {
        RULES.deidDependsOnNoOuterModule().check(MAIN);
    }

    @Test
    void thePipelineDoesNotDependOnTheCommandLine() {
        RULES.pipelineDoesNotDependOnTheCli().check(MAIN);
    }

    @Test
    void noModuleDependsOnAFrontEnd() {
        RULES.noModuleDependsOnAFrontEnd().check(MAIN);
    }

    @Test
    void imageLibrariesAreUsedInCloakPixelOnly() {
        RULES.imageLibrariesInPixelOnly().check(MAIN);
    }

    @Test
    void theEngineDoesNoFileIo() {
        RULES.deidDoesNoFileIo().check(MAIN);
    }

    @Test
    void theClassesAllowedFileIoStillDoIt() {
        assertThat(RULES.allowedFileIo).containsExactlyInAnyOrderElementsOf(
                new Rules("org.cloak", List.of(), List.of()).topLevelClassesDoingFileIo(MAIN));
    }

    @Test
    void noNewPackageCycles() {
        RULES.noPackageCyclesButTheAllowedOnes().check(MAIN);
    }

    /** A dependency of the classes of package {@code from} on those of package {@code to}. */
    record Edge(String from, String to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    static Edge edge(String from, String to) {
        return new Edge(from, to);
    }

    /** The architecture rules for the modules under one root package ({@code org.cloak} for the product). */
    static final class Rules {
        static final String[] IMAGE_LIBRARIES = {"javax.imageio..", "java.awt.image..", "com.twelvemonkeys..",
            "com.github.jaiimageio..", "net.sourceforge.tess4j.."};
        private static final List<String> FRONT_ENDS = List.of("cli", "server", "spark");

        private static final DescribedPredicate<JavaClass> FILE_IO = belongToAnyOf(Files.class,
                FileInputStream.class, FileOutputStream.class, FileReader.class, FileWriter.class,
                RandomAccessFile.class, FileChannel.class, AsynchronousFileChannel.class);

        private final String root;
        private final Set<Edge> allowedCycleEdges;
        final Set<String> allowedFileIo;

        Rules(String root, Collection<Edge> allowedCycleEdges, Collection<String> allowedFileIo) {
            this.root = root;
            this.allowedCycleEdges = Set.copyOf(allowedCycleEdges);
            this.allowedFileIo = Set.copyOf(allowedFileIo);
        }

        private static String topLevel(JavaClass c) {
            return c.getName().replaceFirst("\\$.*", "");
        }

        /** {@code root.module..} for each module. */
        private String[] modules(String... modules) {
            return Stream.of(modules).map(m -> root + "." + m + "..").toArray(String[]::new);
        }

        private String[] modules(List<String> modules) {
            return modules(modules.toArray(String[]::new));
        }

        private String[] frontEndsAnd(String... modules) {
            List<String> all = new ArrayList<>(FRONT_ENDS);
            all.addAll(List.of(modules));
            return modules(all);
        }

        /** Classes of Cloak that are not in one of {@code modules}. */
        private DescribedPredicate<JavaClass> cloakOutside(String... modules) {
            return resideInAPackage(root + "..").and(resideOutsideOfPackages(modules(modules)))
                    .as("classes of other modules than " + String.join(", ", modules));
        }

        ArchRule netOnlyFromTheNodeAndTheFrontEnds() {
            return noClasses().that().resideOutsideOfPackages(frontEndsAnd("net", "pipeline.node"))
                    .should().dependOnClassesThat().resideInAPackage(root + ".net..")
                    .because("the listener and forwarder of the pipeline and the front ends wire the network in");
        }

        ArchRule dicomDependsOnNoOtherModule() {
            return noClasses().that().resideInAPackage(root + ".dicom..")
                    .should().dependOnClassesThat(cloakOutside("dicom"))
                    .because("the codec is the bottom of the build");
        }

        ArchRule netDependsOnDicomOnly() {
            return noClasses().that().resideInAPackage(root + ".net..")
                    .should().dependOnClassesThat(cloakOutside("net", "dicom"))
                    .because("cloak-net depends on cloak-dicom only");
        }

        ArchRule deidDependsOnNoOuterModule() {
            return noClasses().that().resideInAPackage(root + ".deid..")
                    .should().dependOnClassesThat(resideInAnyPackage(modules("pipeline", "net", "cli", "pixel")))
                    .because("the engine talks to pixels through an interface and never to the network");
        }

        ArchRule pipelineDoesNotDependOnTheCli() {
            return noClasses().that().resideInAPackage(root + ".pipeline..")
                    .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                    .because("the command line is a thin front end over the pipeline");
        }

        ArchRule noModuleDependsOnAFrontEnd() {
            // the command line starts the server (cloak serve) and the Spark job (cloak spark): the front ends
            // built on another
            List<ArchRule> rules = FRONT_ENDS.stream().map(f -> noClasses()
                    .that().resideOutsideOfPackages(f.equals("server") || f.equals("spark")
                            ? new String[] {root + "." + f + "..", root + ".cli.."}
                            : new String[] {root + "." + f + ".."})
                    .should().dependOnClassesThat().resideInAPackage(root + "." + f + "..")
                    .because("front ends compose the modules and nothing builds on a front end")).toList();
            return CompositeArchRule.of(rules);
        }

        ArchRule imageLibrariesInPixelOnly() {
            return noClasses().that().resideOutsideOfPackage(root + ".pixel..")
                    .should().dependOnClassesThat().resideInAnyPackage(IMAGE_LIBRARIES)
                    .because("image libraries live in cloak-pixel and nowhere else");
        }

        /** Classes of the engine that the file I/O rule covers: {@code deid.verify} is to move out of the engine. */
        private DescribedPredicate<JavaClass> engineButVerify() {
            return resideInAPackage(root + ".deid..").and(resideOutsideOfPackage(root + ".deid.verify.."))
                    .as("reside in a package '" + root + ".deid..' but not in '" + root + ".deid.verify..'");
        }

        ArchRule deidDoesNoFileIo() {
            DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("are not allowed file I/O yet",
                    c -> !allowedFileIo.contains(topLevel(c)));
            return noClasses().that(engineButVerify()).and(allowed)
                    .should().dependOnClassesThat(FILE_IO)
                    .because("the engine works on data sets and streams; inputs and outputs are the pipeline's");
        }

        /** The top-level classes (under {@link #engineButVerify()}) that use a file I/O class. */
        Set<String> topLevelClassesDoingFileIo(JavaClasses classes) {
            return classes.stream().filter(engineButVerify())
                    .filter(c -> c.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> FILE_IO.test(d.getTargetClass())))
                    .map(Rules::topLevel).collect(Collectors.toCollection(TreeSet::new));
        }

        /**
         * The packages under the root ({@code slices().matching("root.(**)")}) are free of cycles, except along the
         * allowed dependencies.
         */
        ArchRule noPackageCyclesButTheAllowedOnes() {
            return classes().that().resideInAPackage(root + "..")
                    .should(new CyclesOnlyAlongAllowedEdges(allowedCycleEdges));
        }
    }

    /**
     * Builds the graph of package dependencies of all the classes checked, finds its strongly connected components
     * (a dependency between two packages lies on a cycle exactly when both are in the same component), and reports
     * each such dependency that is not allowed, with the cycle it closes and the code that makes it; then each
     * allowed dependency that no longer lies on a cycle.
     */
    private static final class CyclesOnlyAlongAllowedEdges extends ArchCondition<JavaClass> {
        private static final int EXAMPLES = 3;
        private final Set<Edge> allowed;
        private final Map<String, Set<String>> graph = new TreeMap<>();
        private final Map<String, Integer> component = new HashMap<>();
        private final Map<Edge, List<Dependency>> offending = new TreeMap<>(
                (a, b) -> a.toString().compareTo(b.toString()));

        CyclesOnlyAlongAllowedEdges(Set<Edge> allowed) {
            super("be in packages free of cycles but along the allowed package dependencies " + allowed);
            this.allowed = allowed;
        }

        @Override
        public void init(Collection<JavaClass> all) {
            graph.clear();
            component.clear();
            offending.clear();
            Set<String> packages = all.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
            for (JavaClass c : all) {
                graph.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>());
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String to = packageOf(d);
                    if (packages.contains(to) && !to.equals(c.getPackageName())) {
                        graph.get(c.getPackageName()).add(to);
                    }
                }
            }
            new Tarjan().run();
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                Edge e = new Edge(c.getPackageName(), packageOf(d));
                if (onCycle(e) && !allowed.contains(e)) {
                    offending.computeIfAbsent(e, k -> new ArrayList<>()).add(d);
                }
            }
        }

        @Override
        public void finish(ConditionEvents events) {
            offending.forEach((e, dependencies) -> {
                StringBuilder message = new StringBuilder("Cycle ").append(String.join(" -> ", cycleThrough(e)))
                        .append(" through the package dependency ").append(e).append(", which is not allowed:");
                dependencies.stream().map(Dependency::getDescription).distinct().limit(EXAMPLES)
                        .forEach(d -> message.append(System.lineSeparator()).append("    ").append(d));
                events.add(SimpleConditionEvent.violated(e, message.toString()));
            });
            allowed.stream().filter(e -> !onCycle(e)).sorted((a, b) -> a.toString().compareTo(b.toString()))
                    .forEach(e -> events.add(SimpleConditionEvent.violated(e, "Allowed package dependency " + e
                            + " no longer lies on a cycle: remove it from the allowed ones")));
        }

        private static String packageOf(Dependency d) {
            return d.getTargetClass().getBaseComponentType().getPackageName();
        }

        private boolean onCycle(Edge e) {
            Integer from = component.get(e.from());
            return !e.from().equals(e.to()) && from != null && from.equals(component.get(e.to()))
                    && graph.get(e.from()).contains(e.to());
        }

        /** {@code from, to, ..., from}: a shortest way back from {@code to} to {@code from}. */
        private List<String> cycleThrough(Edge e) {
            Map<String, String> previous = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(e.to()));
            previous.put(e.to(), e.to());
            while (!queue.isEmpty() && !previous.containsKey(e.from())) {
                String p = queue.removeFirst();
                for (String next : graph.getOrDefault(p, Set.of())) {
                    if (previous.putIfAbsent(next, p) == null) {
                        queue.addLast(next);
                    }
                }
            }
            List<String> back = new ArrayList<>();
            for (String p = e.from(); !p.equals(e.to()); p = previous.get(p)) {
                back.add(0, p);
            }
            List<String> cycle = new ArrayList<>(List.of(e.from(), e.to()));
            cycle.addAll(back);
            return cycle;
        }

        /** Tarjan's strongly connected components over {@link #graph}, numbered into {@link #component}. */
        private final class Tarjan {
            private final Map<String, Integer> index = new HashMap<>();
            private final Map<String, Integer> low = new HashMap<>();
            private final Deque<String> stack = new ArrayDeque<>();
            private final Set<String> onStack = new LinkedHashSet<>();
            private int next;
            private int components;

            void run() {
                for (String p : graph.keySet()) {
                    if (!index.containsKey(p)) {
                        visit(p);
                    }
                }
            }

            private void visit(String p) {
                index.put(p, next);
                low.put(p, next);
                next++;
                stack.push(p);
                onStack.add(p);
                for (String q : graph.getOrDefault(p, Set.of())) {
                    if (!index.containsKey(q)) {
                        visit(q);
                        low.put(p, Math.min(low.get(p), low.get(q)));
                    } else if (onStack.contains(q)) {
                        low.put(p, Math.min(low.get(p), index.get(q)));
                    }
                }
                if (low.get(p).equals(index.get(p))) {
                    String q;
                    do {
                        q = stack.pop();
                        onStack.remove(q);
                        component.put(q, components);
                    } while (!q.equals(p));
                    components++;
                }
            }
        }
    }
}
