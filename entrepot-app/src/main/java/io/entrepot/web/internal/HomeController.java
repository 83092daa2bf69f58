package io.entrepot.web.internal;

import io.entrepot.web.ConsoleTile;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of the storefront and of the operator console (whose tiles refresh live). */
@Controller
class HomeController {

    private final List<ConsoleTile> tiles;

    HomeController(List<ConsoleTile> tiles) {
        this.tiles = tiles.stream().sorted(Comparator.comparingInt(ConsoleTile::order)).toList();
    }

    @GetMapping("/")
    String storefront() {
        return "web/storefront";
    }

    @GetMapping("/console")
    String console(Model model) {
        model.addAttribute("tiles", snapshot());
        return "web/console";
    }

    /** The htmx fragment the console polls for fresh figures. */
    @GetMapping("/console/tiles")
    String consoleTiles(Model model) {
        model.addAttribute("tiles", snapshot());
        return "web/console-tiles";
    }

    private List<TileView> snapshot() {
        return tiles.stream().map(t -> new TileView(t.titleKey(), t.figures())).toList();
    }
}
