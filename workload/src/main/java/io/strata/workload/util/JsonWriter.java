package io.strata.workload.util;

import java.util.Arrays;

/**
 * A reusable, allocation-light UTF-8 JSON writer for the generator's hot path: comma handling,
 * string escaping and number rendering straight into one growing byte buffer. It also produces the
 * deliberate damage the malformed-record variants need (invalid UTF-8, truncation).
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes();
    private static final int MAX_DEPTH = 64;
    private static final int CACHE_SLOTS = 1 << 14;
    private static final int MAX_CACHED_LENGTH = 64;

    private byte[] buf = new byte[8192];
    private int len;
    private final boolean[] hasElements = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;
    private boolean spaced;
    private boolean corruptNextString;
    private final StringBuilder scratch = new StringBuilder(32);
    private final String[] cachedStrings = new String[CACHE_SLOTS];
    private final byte[][] cachedBytes = new byte[CACHE_SLOTS][];

    /** Clears the buffer; {@code spaced} adds a blank after every colon and comma. */
    public JsonWriter reset(boolean spaced) {
        len = 0;
        depth = 0;
        afterName = false;
        corruptNextString = false;
        this.spaced = spaced;
        return this;
    }

    /** The next non-empty string value is written with a byte that is never valid UTF-8. */
    public void corruptNextString() {
        corruptNextString = true;
    }

    public JsonWriter beginObject() {
        beforeValue();
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** Starts a member of the current object. */
    public JsonWriter name(String name) {
        separator();
        writeString(name);
        put((byte) ':');
        if (spaced) {
            put((byte) ' ');
        }
        afterName = true;
        return this;
    }

    public JsonWriter string(CharSequence value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        if (corruptNextString && value.length() > 0) {
            corruptNextString = false;
            put((byte) '"');
            put((byte) 0xFF);
            writeChars(value);
            put((byte) '"');
            return this;
        }
        writeString(value);
        return this;
    }

    public JsonWriter number(long value) {
        beforeValue();
        return ascii(Long.toString(value));
    }

    /** Writes digits (e.g. a 64-bit id beyond 2^53) as a JSON number, exactly as given. */
    public JsonWriter rawNumber(String digits) {
        beforeValue();
        return ascii(digits);
    }

    /** An amount in minor units as a JSON number the way JavaScript prints it: 20, 19.9, 19.99. */
    public JsonWriter decimalNumber(long cents) {
        beforeValue();
        scratch.setLength(0);
        scratch.append(cents / 100);
        int fraction = (int) (cents % 100);
        if (fraction != 0) {
            scratch.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                scratch.append(fraction % 10);
            }
        }
        return ascii(scratch);
    }

    /** An amount in minor units as a string with two decimals: "19.90". */
    public JsonWriter decimalString(long cents) {
        scratch.setLength(0);
        scratch.append(cents / 100).append('.');
        int fraction = (int) (cents % 100);
        scratch.append(fraction / 10).append(fraction % 10);
        return string(scratch);
    }

    public JsonWriter bool(boolean value) {
        beforeValue();
        return ascii(value ? "true" : "false");
    }

    public JsonWriter nullValue() {
        beforeValue();
        return ascii("null");
    }

    /** Scratch space for callers that format a value (e.g. a timestamp) before writing it. */
    public StringBuilder scratch() {
        scratch.setLength(0);
        return scratch;
    }

    public int length() {
        return len;
    }

    /** Cuts the output to its first {@code newLength} bytes. */
    public void truncate(int newLength) {
        len = Math.min(len, newLength);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private JsonWriter open(char c) {
        put((byte) c);
        hasElements[++depth] = false;
        return this;
    }

    private JsonWriter close(char c) {
        depth--;
        put((byte) c);
        return this;
    }

    private void separator() {
        if (hasElements[depth]) {
            put((byte) ',');
            if (spaced) {
                put((byte) ' ');
            }
        }
        hasElements[depth] = true;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (depth > 0) {
            separator();
        }
    }

    private JsonWriter ascii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    private void writeString(CharSequence s) {
        put((byte) '"');
        writeChars(s);
        put((byte) '"');
    }

    /** A string value of {@code length} filler characters (padding for oversized records). */
    public JsonWriter filler(int length) {
        beforeValue();
        ensure(length + 2);
        buf[len++] = '"';
        Arrays.fill(buf, len, len + length, (byte) 'A');
        len += length;
        buf[len++] = '"';
        return this;
    }

    private void writeChars(CharSequence s) {
        if (s instanceof String str) {
            writeChars(str);
            return;
        }
        int n = s.length();
        ensure(n * 3 + 8);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n) {
                writeCodePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                writeChar(c);
            }
        }
    }

    /**
     * Strings repeat a lot (field names, names, emails, SKUs, codes are the same instances event
     * after event), so their encoded bytes are kept in a small direct-mapped cache by identity.
     */
    private void writeChars(String s) {
        if (s.length() > MAX_CACHED_LENGTH) {
            encode(s);
            return;
        }
        int slot = System.identityHashCode(s) & (CACHE_SLOTS - 1);
        byte[] encoded = cachedBytes[slot];
        if (cachedStrings[slot] != s) {
            int start = len;
            encode(s);
            encoded = Arrays.copyOfRange(buf, start, len);
            cachedStrings[slot] = s;
            cachedBytes[slot] = encoded;
            return;
        }
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buf, len, encoded.length);
        len += encoded.length;
    }

    /** The same loop over a String: a monomorphic charAt the JIT turns into a plain array read. */
    private void encode(String s) {
        int n = s.length();
        ensure(n * 3 + 8);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                buf[len++] = (byte) c;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                writeCodePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                writeChar(c);
            }
        }
    }

    private void writeCodePoint(int cp) {
        ensure(4);
        buf[len++] = (byte) (0xF0 | cp >> 18);
        buf[len++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        buf[len++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
    }

    /** One char of the BMP (surrogate pairs are handled by the callers). */
    private void writeChar(char c) {
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            buf[len++] = (byte) c;
        } else if (c < 0x80) {
            escape(c);
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | c >> 6);
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buf[len++] = (byte) (0xE0 | c >> 12);
            buf[len++] = (byte) (0x80 | (c >> 6 & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void escape(char c) {
        ensure(6);
        buf[len++] = '\\';
        switch (c) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            default -> {
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[c >> 4];
                buf[len++] = HEX[c & 0xF];
            }
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
