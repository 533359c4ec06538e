package id.jamsos.employer.web;

import id.jamsos.common.InvalidValue;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers shared by the employer pages: page numbers, ids from URLs, refusals shown on the form. */
final class Pages {

    /** Lists page by LIMIT/OFFSET; further than this nobody browses, and the offset stays cheap. */
    static final int MAX_PAGE = 2_000;

    private Pages() {
    }

    static int number(String typed) {
        try {
            int page = Integer.parseInt(typed == null ? "0" : typed.strip());
            return Math.max(0, Math.min(page, MAX_PAGE));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An id from a URL; anything that is not one is as unknown as a missing record. */
    static long id(String typed) {
        try {
            long id = Long.parseLong(typed);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static void refused(InvalidValue e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArguments", e.arguments());
    }

    /** What was typed, to show the form again (Thymeleaf escapes it). */
    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return form;
    }
}
