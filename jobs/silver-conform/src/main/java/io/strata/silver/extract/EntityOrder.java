package io.strata.silver.extract;

import io.strata.silver.config.EntityConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a record type's entities so every entity comes after the entities it refers to, keeping
 * the declared order otherwise (the validator has ruled out cycles).
 */
final class EntityOrder {

    private EntityOrder() {}

    static List<EntityConfig> sorted(List<EntityConfig> declared) {
        List<EntityConfig> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (out.size() < declared.size()) {
            int before = out.size();
            for (EntityConfig e : declared) {
                if (!placed.contains(e.name()) && placedAll(e.references(), placed, declared)) {
                    out.add(e);
                    placed.add(e.name());
                }
            }
            if (out.size() == before) {
                throw new IllegalStateException("Circular references among " + declared);
            }
        }
        return out;
    }

    private static boolean placedAll(
            Set<String> refs, Set<String> placed, List<EntityConfig> declared) {
        for (String r : refs) {
            if (!placed.contains(r) && declared.stream().anyMatch(e -> e.name().equals(r))) {
                return false;
            }
        }
        return true;
    }
}
