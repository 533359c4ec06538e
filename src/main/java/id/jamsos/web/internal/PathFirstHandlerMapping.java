package id.jamsos.web.internal;

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
 * whose path patterns cannot match is set aside at once; every other route gets Spring MVC's full check, so the
 * route chosen, and every 404, 405 and 415, is exactly what it was.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, parsed once for all the routes compared with it. */
    private static final ThreadLocal<PathContainer> LOOKING_UP = new ThreadLocal<>();

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
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (path != null && patterns != null && !patterns.isEmptyPathMapping() && !anyMatches(patterns, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean anyMatches(PathPatternsRequestCondition patterns, PathContainer path) {
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
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
