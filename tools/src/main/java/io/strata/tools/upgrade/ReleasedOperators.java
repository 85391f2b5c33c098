package io.strata.tools.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.shaded.guava31.com.google.common.hash.Hashing;

/**
 * Names the operators Flink's messages identify by id ({@code Cannot map ... state for operator
 * 6d26...}) with their uids, from the released lists {@code jobs/<module>/uids/<job>.txt}: Flink
 * keeps an operator's state under the 128-bit murmur3 hash of its uid.
 */
public final class ReleasedOperators {

    private static final Pattern OPERATOR_ID = Pattern.compile("\\b[0-9a-f]{32}\\b");

    private final Map<String, String> uidById;

    private ReleasedOperators(Map<String, String> uidById) {
        this.uidById = uidById;
    }

    /** The operators of every job's released list under {@code repo}; none when there is none. */
    public static ReleasedOperators in(Path repo) {
        Map<String, String> uidById = new HashMap<>();
        Path jobs = repo.resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return new ReleasedOperators(uidById);
        }
        try (Stream<Path> lists = Files.find(jobs, 3, ReleasedOperators::isUidList)) {
            for (Path list : lists.toList()) {
                for (String line : Files.readAllLines(list)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        uidById.put(operatorId(line.strip()), line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReleasedOperators(uidById);
    }

    /** {@code text} with each operator id it mentions followed by its uid, when known. */
    public String annotate(String text) {
        Matcher matcher = OPERATOR_ID.matcher(text);
        StringBuilder annotated = new StringBuilder();
        while (matcher.find()) {
            String uid = uidById.get(matcher.group());
            String replacement =
                    uid == null ? matcher.group() : matcher.group() + " (uid " + uid + ")";
            matcher.appendReplacement(annotated, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(annotated).toString();
    }

    /** The id Flink gives the operator with this uid, in hex as its messages print it. */
    static String operatorId(String uid) {
        return Hashing.murmur3_128(0).hashString(uid, StandardCharsets.UTF_8).toString();
    }

    private static boolean isUidList(Path path, java.nio.file.attribute.BasicFileAttributes attrs) {
        return attrs.isRegularFile()
                && path.getParent().getFileName().toString().equals("uids")
                && path.getFileName().toString().endsWith(".txt");
    }
}
