package id.jamsos.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page: what the programs are and where to start. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
