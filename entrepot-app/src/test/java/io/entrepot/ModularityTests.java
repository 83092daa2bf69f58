package io.entrepot;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(EntrepotApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        var output = Path.of("..", "docs", "modules").toAbsolutePath().normalize().toString();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
