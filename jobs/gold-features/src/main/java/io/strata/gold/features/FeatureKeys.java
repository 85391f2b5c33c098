package io.strata.gold.features;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The two keys of the features graph, as {@code tenant|...} strings like every Strata key: a tenant
 * id has no {@code |}, so the text before the first one is the tenant.
 */
public final class FeatureKeys {

    public static final TypeInformation<String> TYPE = Types.STRING;

    /** (tenant, kind, business key): where a version is attributed to customers. */
    public static final KeySelector<CustomerEvent, String> ENTITY =
            e -> e.tenant + '|' + e.version.entity();

    /** (tenant, customer): where a customer's features are computed. */
    public static final KeySelector<CustomerEvent, String> CUSTOMER = e -> of(e.tenant, e.customer);

    private FeatureKeys() {}

    public static String of(String tenant, String customer) {
        return tenant + '|' + customer;
    }

    public static String tenant(String customerKey) {
        return customerKey.substring(0, customerKey.indexOf('|'));
    }

    public static String customer(String customerKey) {
        return customerKey.substring(customerKey.indexOf('|') + 1);
    }
}
