package io.strata.bronze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded damage to a valid record's bytes, one kind per call, named for the test's messages. */
final class RecordMutations {

    /** One damaged record and the damage done. */
    record Mutated(String mutation, byte[] value) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KINDS = {
        "none",
        "byte-flip",
        "truncate",
        "delete-field",
        "duplicate-field",
        "type-swap",
        "invalid-utf8",
        "utf16",
        "nest"
    };

    private final Random random;

    RecordMutations(long seed) {
        this.random = new Random(seed);
    }

    Mutated mutate(byte[] valid) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        return new Mutated(kind, apply(kind, valid));
    }

    private byte[] apply(String kind, byte[] v) {
        return switch (kind) {
            case "byte-flip" -> flip(v);
            case "truncate" -> Arrays.copyOf(v, random.nextInt(v.length));
            case "delete-field" -> withTree(v, this::deleteField);
            case "duplicate-field" -> duplicateField(v);
            case "type-swap" -> withTree(v, this::swapType);
            case "invalid-utf8" -> insert(v, new byte[] {(byte) 0xC3, (byte) 0x28});
            case "utf16" -> new String(v, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case "nest" -> nest(v);
            default -> v;
        };
    }

    private byte[] flip(byte[] v) {
        byte[] out = v.clone();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return out;
    }

    private byte[] insert(byte[] v, byte[] bytes) {
        int at = random.nextInt(v.length + 1);
        byte[] out = new byte[v.length + bytes.length];
        System.arraycopy(v, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(v, at, out, at + bytes.length, v.length - at);
        return out;
    }

    private byte[] nest(byte[] v) {
        int depth = 10 + random.nextInt(200);
        String s = new String(v, StandardCharsets.UTF_8);
        return s.replaceFirst(
                        "\"payload\":",
                        "\"payload\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"p\":")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] duplicateField(byte[] v) {
        ObjectNode tree = tree(v);
        String name = pick(fieldNames(tree));
        String text = new String(v, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('}');
        return (text.substring(0, end)
                        + ",\""
                        + name
                        + "\":"
                        + tree.get(name)
                        + text.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    private void deleteField(ObjectNode tree) {
        tree.remove(pick(fieldNames(tree)));
    }

    private void swapType(ObjectNode tree) {
        String name = pick(fieldNames(tree));
        JsonNode old = tree.get(name);
        switch (random.nextInt(5)) {
            case 0 -> tree.put(name, random.nextLong());
            case 1 -> tree.put(name, old.isTextual() ? random.nextBoolean() : false);
            case 2 -> tree.putNull(name);
            case 3 -> tree.putArray(name).add(old);
            default -> tree.putObject(name).set("value", old);
        }
    }

    private byte[] withTree(byte[] v, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode tree = tree(v);
        change.accept(tree);
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(byte[] v) {
        try {
            return (ObjectNode) JSON.readTree(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(ObjectNode tree) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }
}
