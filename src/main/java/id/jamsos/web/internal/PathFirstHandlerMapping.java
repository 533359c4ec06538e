package id.jamsos.web.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's handler lookup, with the path compared first. An address with a variable in it (a KPJ, a payment id)
 * is not found by a map lookup: Spring MVC tries every route of the platform (about 150) and checks each one's HTTP
 * method, CORS preflight, parameters, headers and media types before its path, each check a call through the
 * request's wrappers. That was a fifth of the CPU of the balance API by KPJ (JFR, docs/performance.md). Here a route
 * whose path cannot match is set aside at once: first by the literal segments its patterns begin with
 * ({@code /api/v1/ledger/} for {@code /api/v1/ledger/{kpj}/balance}), compared with the request's segments as
 * {@link PathPattern} compares them, then by the patterns themselves. Every other route gets Spring MVC's full check,
 * so the route chosen, and every 404, 405 and 415, is exactly what it was.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, parsed once for all the routes compared with it. */
    private static final ThreadLocal<PathContainer> LOOKING_UP = new ThreadLocal<>();

    /**
     * Each route's patterns, with the literal segments each begins with; built once the routes are registered (a
     * route registered later is not in it and gets the pattern check). Read-only once published.
     */
    private volatile Map<RequestMappingInfo, Route> routes = Map.of();

    /** A route's path patterns, and for each the literal segments it begins with (none for one it cannot tell). */
    record Route(PathPattern[] patterns, String[][] heads) {
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        boolean caseSensitive = getPatternParser() == null || getPatternParser().isCaseSensitive();
        Map<RequestMappingInfo, Route> built = new IdentityHashMap<>();
        getHandlerMethods().keySet().forEach(info -> {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition != null && !condition.isEmptyPathMapping()) {
                PathPattern[] patterns = condition.getPatterns().toArray(PathPattern[]::new);
                String[][] heads = new String[patterns.length][];
                for (int i = 0; i < patterns.length; i++) {
                    heads[i] = caseSensitive ? literalHead(patterns[i].getPatternString()) : new String[0];
                }
                built.put(info, new Route(patterns, heads));
            }
        });
        routes = built;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
        LOOKING_UP.set(path);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathContainer path = LOOKING_UP.get();
        if (path != null && cannotMatch(info, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** True only when none of the route's path patterns matches {@code path}. */
    boolean cannotMatch(RequestMappingInfo info, PathContainer path) {
        Route route = routes.get(info);
        if (route == null) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            return condition != null && !condition.isEmptyPathMapping()
                    && condition.getPatterns().stream().noneMatch(pattern -> pattern.matches(path));
        }
        List<PathContainer.Element> elements = path.elements();
        for (int i = 0; i < route.patterns().length; i++) {
            if (beginsWith(elements, route.heads()[i]) && route.patterns()[i].matches(path)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the path's first segments are these literal ones, each after one separator, as the pattern's separator
     * and literal elements require (a literal element compares the segment's decoded value without its matrix
     * variables, case-sensitively).
     */
    private static boolean beginsWith(List<PathContainer.Element> elements, String[] head) {
        if (elements.size() < 2 * head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if (!(elements.get(2 * i) instanceof PathContainer.Separator)
                    || !(elements.get(2 * i + 1) instanceof PathContainer.PathSegment segment)
                    || !head[i].equals(segment.valueToMatch())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The literal segments a pattern begins with: {@code [api, v1, ledger]} for {@code /api/v1/ledger/{kpj}/balance}.
     * It stops at the first segment with a variable, a wildcard, an escape or anything else that is not plain text.
     */
    static String[] literalHead(String pattern) {
        List<String> head = new ArrayList<>();
        if (pattern.startsWith("/")) {
            int start = 1;
            while (start < pattern.length()) {
                int end = pattern.indexOf('/', start);
                if (end < 0) {
                    break; // the last segment: left to the pattern (it may need a trailing separator, or not)
                }
                String segment = pattern.substring(start, end);
                if (segment.isEmpty() || !plain(segment)) {
                    break;
                }
                head.add(segment);
                start = end + 1;
            }
        }
        return head.toArray(String[]::new);
    }

    private static boolean plain(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }
}
