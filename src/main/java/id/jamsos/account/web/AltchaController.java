package id.jamsos.account.web;

import id.jamsos.account.internal.Challenges;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands the ALTCHA widget a fresh proof-of-work challenge. */
@RestController
class AltchaController {

    private final Challenges challenges;

    AltchaController(Challenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/altcha/challenge")
    ResponseEntity<Map<String, Object>> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenges.newChallenge());
    }
}
