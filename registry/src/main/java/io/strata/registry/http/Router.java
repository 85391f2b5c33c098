package io.strata.registry.http;

import io.strata.registry.service.RegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches method and path templates such as {@code /subjects/{subject}/versions}. */
final class Router {

    /** Answers one matched request. */
    interface Handler {
        Reply handle(Request request);
    }

    private record Route(String method, List<String> template, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router route(String method, String template, Handler handler) {
        List<String> parts = List.of(template.replaceFirst("^/", "").split("/"));
        routes.add(new Route(method, template.equals("/") ? List.of() : parts, handler));
        return this;
    }

    /** Runs the matching handler; 404 for an unknown path, 405 for a known path's other methods. */
    Reply dispatch(Request request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.template(), request.path());
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.handler().handle(request.withParams(params));
            }
        }
        throw pathKnown
                ? new RegistryException(405, 405, "HTTP 405 Method Not Allowed")
                : new RegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
