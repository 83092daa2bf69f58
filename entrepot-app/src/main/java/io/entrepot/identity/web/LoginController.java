package io.entrepot.identity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("failed", error != null);
        return "identity/login";
    }
}
