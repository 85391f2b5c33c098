package io.strata.workload.truth;

import io.strata.workload.util.Rng;
import io.strata.workload.util.Zipf;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's customers and products with their attribute histories, and the Zipf samplers that
 * make a few of them appear in most transactions (the case study: ~50K unique customers among
 * millions of embedded copies).
 */
public final class MasterData {

    private static final long DAY = 86_400_000L;

    private final TenantProfile tenant;
    private final List<History<CustomerVersion>> customers;
    private final List<History<ProductVersion>> products;
    private final Zipf customerPopularity;
    private final Zipf productPopularity;

    /** Builds the pools; changes happen at times spread over {@code [start, start + span)}. */
    public MasterData(TenantProfile tenant, MasterDataSpec spec, long seed) {
        this.tenant = tenant;
        Rng rng = Rng.derive(seed, "master-data/" + tenant.id());
        this.customers = new ArrayList<>(spec.customers());
        for (int i = 0; i < spec.customers(); i++) {
            customers.add(customer(i, spec, rng));
        }
        this.products = new ArrayList<>(spec.products());
        for (int i = 0; i < spec.products(); i++) {
            products.add(product(i, spec, rng));
        }
        this.customerPopularity = new Zipf(spec.customers(), spec.zipfExponent(), rng);
        this.productPopularity = new Zipf(spec.products(), spec.zipfExponent(), rng);
    }

    public TenantProfile tenant() {
        return tenant;
    }

    /** A customer index drawn by popularity. */
    public int sampleCustomer(Rng rng) {
        return customerPopularity.sample(rng);
    }

    /** A product index drawn by popularity. */
    public int sampleProduct(Rng rng) {
        return productPopularity.sample(rng);
    }

    public CustomerVersion customerAt(int index, long time) {
        return customers.get(index).at(time);
    }

    public ProductVersion productAt(int index, long time) {
        return products.get(index).at(time);
    }

    public int customerCount() {
        return customers.size();
    }

    /** Number of attribute versions beyond the first, over all customers. */
    public int customerChanges() {
        return customers.stream().mapToInt(h -> h.size() - 1).sum();
    }

    private History<CustomerVersion> customer(int index, MasterDataSpec spec, Rng rng) {
        String first = rng.pick(Vocabulary.FIRST_NAMES);
        String last = rng.pick(Vocabulary.LAST_NAMES);
        String[] city = rng.pick(Vocabulary.CITIES);
        String email =
                ascii(first) + "." + ascii(last) + index + "@" + rng.pick(Vocabulary.EMAIL_DOMAINS);
        boolean guest = rng.chance(tenant.guestShare());
        long createdAt = (spec.start() - rng.between(DAY, 5 * 365 * DAY)) / 1000 * 1000;
        CustomerVersion v =
                guest
                        ? new CustomerVersion(
                                email,
                                null,
                                first + " " + last,
                                email,
                                null,
                                null,
                                city[0],
                                city[1],
                                CustomerVersion.NONE,
                                Long.MIN_VALUE)
                        : new CustomerVersion(
                                tenant.customerKeys().format(index + 1),
                                tenant.customerKeys().format(index + 1),
                                first + " " + last,
                                email,
                                rng.chance(0.1) ? null : phone(rng),
                                rng.pick(Vocabulary.SEGMENTS),
                                city[0],
                                city[1],
                                createdAt,
                                Long.MIN_VALUE);
        List<CustomerVersion> versions = new ArrayList<>();
        versions.add(v);
        if (!guest) {
            for (long t : changeTimes(spec.customerChangeRate(), spec, rng)) {
                versions.add(v = changed(v, t, rng));
            }
        }
        return new History<>(versions, CustomerVersion::validFrom);
    }

    private CustomerVersion changed(CustomerVersion v, long t, Rng rng) {
        switch (rng.nextInt(4)) {
            case 0:
                return new CustomerVersion(
                        v.key(),
                        v.id(),
                        v.name(),
                        v.email(),
                        phone(rng),
                        v.segment(),
                        v.city(),
                        v.country(),
                        v.createdAt(),
                        t);
            case 1:
                String segment =
                        Vocabulary.SEGMENTS[
                                (Arrays.asList(Vocabulary.SEGMENTS).indexOf(v.segment())
                                                + 1
                                                + rng.nextInt(2))
                                        % 3];
                return new CustomerVersion(
                        v.key(),
                        v.id(),
                        v.name(),
                        v.email(),
                        v.phone(),
                        segment,
                        v.city(),
                        v.country(),
                        v.createdAt(),
                        t);
            case 2:
                String[] city =
                        Vocabulary.CITIES[
                                (cityIndex(v.city())
                                                + 1
                                                + rng.nextInt(Vocabulary.CITIES.length - 1))
                                        % Vocabulary.CITIES.length];
                return new CustomerVersion(
                        v.key(),
                        v.id(),
                        v.name(),
                        v.email(),
                        v.phone(),
                        v.segment(),
                        city[0],
                        city[1],
                        v.createdAt(),
                        t);
            default:
                String email = "new." + v.email();
                return new CustomerVersion(
                        v.key(),
                        v.id(),
                        v.name(),
                        email,
                        v.phone(),
                        v.segment(),
                        v.city(),
                        v.country(),
                        v.createdAt(),
                        t);
        }
    }

    private History<ProductVersion> product(int index, MasterDataSpec spec, Rng rng) {
        String name =
                rng.pick(Vocabulary.ADJECTIVES)
                        + " "
                        + rng.pick(Vocabulary.NOUNS)
                        + " "
                        + (100 + rng.nextInt(900));
        ProductVersion v =
                new ProductVersion(
                        tenant.productKeys().format(index + 1),
                        name,
                        rng.pick(Vocabulary.CATEGORIES),
                        rng.between(199, 49_999),
                        tenant.currency(),
                        Long.MIN_VALUE);
        List<ProductVersion> versions = new ArrayList<>();
        versions.add(v);
        for (long t : changeTimes(spec.productChangeRate(), spec, rng)) {
            long price = Math.max(99, v.unitPriceCents() + rng.between(-500, 500));
            if (price == v.unitPriceCents()) {
                price += 1;
            }
            versions.add(
                    v =
                            new ProductVersion(
                                    v.key(), v.name(), v.category(), price, v.currency(), t));
        }
        return new History<>(versions, ProductVersion::validFrom);
    }

    /**
     * A geometric number of change times (mean {@code rate}), sorted, at the tenant's precision.
     */
    private long[] changeTimes(double rate, MasterDataSpec spec, Rng rng) {
        double continueProbability = rate / (1 + rate);
        int n = 0;
        while (n < 64 && rng.chance(continueProbability)) {
            n++;
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = tenant.truncate(spec.start() + rng.between(0, spec.span() - 1));
        }
        Arrays.sort(times);
        return times;
    }

    private static String phone(Rng rng) {
        return "+1-555-" + (1000 + rng.nextInt(9000));
    }

    private static int cityIndex(String city) {
        for (int i = 0; i < Vocabulary.CITIES.length; i++) {
            if (Vocabulary.CITIES[i][0].equals(city)) {
                return i;
            }
        }
        return 0;
    }

    /** The name as an email part: accents stripped, letters only ("Zoë" -> "zoe"); memoized. */
    private static String ascii(String s) {
        return ASCII.computeIfAbsent(
                s,
                n ->
                        Normalizer.normalize(n, Normalizer.Form.NFD)
                                .replaceAll("[^A-Za-z]", "")
                                .toLowerCase(Locale.ROOT));
    }

    private static final Map<String, String> ASCII = new ConcurrentHashMap<>();
}
