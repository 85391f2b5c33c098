package io.strata.registry.http;

/** A response: HTTP status and a body written as JSON, or verbatim when it is raw JSON text. */
record Reply(int status, Object body, boolean raw) {

    static Reply ok(Object body) {
        return new Reply(200, body, false);
    }

    /** A body that already is JSON text, such as a stored schema. */
    static Reply rawJson(String json) {
        return new Reply(200, json, true);
    }

    static Reply error(int status, int errorCode, String message) {
        return new Reply(status, new Api.ErrorResponse(errorCode, message), false);
    }
}
