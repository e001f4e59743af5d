package io.neontwin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of ARCHITECTURE.md, on the compiled classes: each layer uses only the layers below it, so the
 * engine knows nothing of GitHub, Slack or the terminal, and no face depends on another (they share io.neontwin.face).
 * <pre>
 * base (errors, secrets, report) &lt;- connection, pgclient &lt;- run &lt;- catalog, sql &lt;- twin, reversetwin, diff
 *   &lt;- notify &lt;- neon &lt;- face &lt;- cli | action | demo | init | diff.cli
 * </pre>
 * run sits above connection because its failure classifier knows a lost connection (ConnectionRetry); catalog reads
 * a database's schema for the schema diff (sql is reserved for shared SQL helpers); diff, the schema diff engine, reads
 * migrations with reversetwin's hazard detector, so it shares the engines' layer; diff.cli is its face.
 * twin and reversetwin share a layer but do not see each other: what both need lives in run.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.neontwin");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("base").definedBy("io.neontwin.errors..", "io.neontwin.secrets..", "io.neontwin.report..")
                .layer("connection").definedBy("io.neontwin.connection..", "io.neontwin.pgclient..")
                .layer("run").definedBy("io.neontwin.run..")
                .layer("catalog").definedBy("io.neontwin.catalog..", "io.neontwin.sql..")
                .layer("engines").definedBy("io.neontwin.twin..", "io.neontwin.reversetwin..", "io.neontwin.diff")
                .layer("notify").definedBy("io.neontwin.notify..")
                .layer("neon").definedBy("io.neontwin.neon..")
                .layer("face support").definedBy("io.neontwin.face..")
                .layer("cli").definedBy("io.neontwin.cli..")
                .layer("action").definedBy("io.neontwin.action..")
                .layer("demo").definedBy("io.neontwin.demo..")
                .layer("init").definedBy("io.neontwin.init..")
                .layer("diff cli").definedBy("io.neontwin.diff.cli..")
                .whereLayer("diff cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("init").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("action").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("face support").mayOnlyBeAccessedByLayers("cli", "action", "demo", "init", "diff cli")
                .whereLayer("neon").mayOnlyBeAccessedByLayers("face support", "cli", "action", "demo", "init", "diff cli")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("neon", "face support", "cli", "action", "demo", "init", "diff cli")
                .whereLayer("engines").mayOnlyBeAccessedByLayers("notify", "neon", "face support", "cli", "action", "demo", "init", "diff cli")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("engines", "notify", "neon", "face support", "cli", "action", "demo", "init", "diff cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("catalog", "engines", "notify", "neon", "face support", "cli", "action", "demo", "init", "diff cli")
                .whereLayer("connection").mayOnlyBeAccessedByLayers("run", "catalog", "engines", "notify", "neon", "face support", "cli",
                        "action", "demo", "init", "diff cli")
                .check(MAIN);
    }

    @Test
    void theEnginesReadNoEnvironmentVariableTheFacesPassEverythingAsOptions() {
        noClasses().that().resideInAnyPackage("io.neontwin.twin..", "io.neontwin.reversetwin..", "io.neontwin.run..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .check(MAIN);
    }

    @Test
    void theTwinAndTheReverseTwinDoNotSeeEachOther() {
        noClasses().that().resideInAPackage("io.neontwin.twin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.neontwin.reversetwin..", "io.neontwin.diff..")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.neontwin.reversetwin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.neontwin.twin..", "io.neontwin.diff..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.neontwin.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
