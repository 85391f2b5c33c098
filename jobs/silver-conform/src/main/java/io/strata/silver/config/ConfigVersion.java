package io.strata.silver.config;

import io.strata.silver.config.YamlNode.Mapping;
import io.strata.silver.config.YamlNode.Scalar;
import io.strata.silver.config.YamlNode.Sequence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The version of a configuration: the first 16 hex digits of the SHA-256 of its content in a
 * canonical form (keys sorted, scalars with their YAML type, no comments or layout), so
 * reformatting or commenting a file keeps its version and any change of meaning gives a new one.
 */
public final class ConfigVersion {

    private ConfigVersion() {}

    static String of(YamlNode root) {
        StringBuilder sb = new StringBuilder();
        canonical(root, sb);
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void canonical(YamlNode node, StringBuilder sb) {
        if (node instanceof Mapping m) {
            sb.append('{');
            new TreeMap<>(m.entries())
                    .forEach(
                            (k, v) -> {
                                quote(k, sb);
                                sb.append(':');
                                canonical(v, sb);
                                sb.append(',');
                            });
            sb.append('}');
        } else if (node instanceof Sequence s) {
            sb.append('[');
            s.items()
                    .forEach(
                            i -> {
                                canonical(i, sb);
                                sb.append(',');
                            });
            sb.append(']');
        } else {
            Scalar s = (Scalar) node;
            sb.append(s.type().name().charAt(0));
            if (!s.isNull()) {
                quote(s.text(), sb);
            }
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
