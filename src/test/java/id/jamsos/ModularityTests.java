package id.jamsos;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The module boundaries hold: no module reaches into another one's internal packages, and there are no cycles.
 * Writes the module diagrams to {@code docs/modules} so that the picture in the repository is the verified one.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(JamsosApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        // Plain UML rather than the default C4 style: it renders without fetching the C4-PlantUML library.
        DiagramOptions diagrams = DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams);
    }
}
