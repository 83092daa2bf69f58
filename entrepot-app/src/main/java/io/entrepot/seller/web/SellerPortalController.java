package io.entrepot.seller.web;

import io.entrepot.seller.Sellers;
import io.entrepot.shared.ActorContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The seller portal's home: who the seller is and where they stand. */
@Controller
class SellerPortalController {

    private final Sellers sellers;

    SellerPortalController(Sellers sellers) {
        this.sellers = sellers;
    }

    @GetMapping("/seller")
    String home(Model model) {
        model.addAttribute("seller", sellers.get(ActorContext.currentSeller()));
        return "seller/portal";
    }
}
