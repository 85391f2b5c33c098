package io.strata.workload.truth;

/**
 * Word lists the truth and the OLTP rows are built from (read-only); a few non-ASCII names keep
 * UTF-8 handling honest.
 */
public final class Vocabulary {

    public static final String[] FIRST_NAMES = {
        "Ada",
        "Alan",
        "Grace",
        "Linus",
        "Barbara",
        "Edsger",
        "Frances",
        "Ken",
        "Margaret",
        "Dennis",
        "Radia",
        "Tim",
        "Zoë",
        "José",
        "Søren",
        "Chloé",
        "Björn",
        "Amélie",
        "Ngozi",
        "Hiro",
        "Priya",
        "Omar",
        "Lena",
        "Mateo",
        "Aisha",
        "Yuki",
        "Noah",
        "Emma",
        "Liam",
        "Mia"
    };

    public static final String[] LAST_NAMES = {
        "Lovelace",
        "Turing",
        "Hopper",
        "Torvalds",
        "Liskov",
        "Dijkstra",
        "Allen",
        "Thompson",
        "Hamilton",
        "Ritchie",
        "Perlman",
        "Berners-Lee",
        "Müller",
        "García",
        "Kierkegaard",
        "O'Brien",
        "Nakamura",
        "Okafor",
        "Sharma",
        "Haddad",
        "Fischer",
        "Rossi",
        "Dubois",
        "Kowalski",
        "Novak",
        "Silva",
        "Jensen",
        "Ivanova",
        "Chen",
        "Smith"
    };

    /** City and ISO country code pairs. */
    public static final String[][] CITIES = {
        {"Boston", "US"},
        {"Austin", "US"},
        {"Toronto", "CA"},
        {"Berlin", "DE"},
        {"München", "DE"},
        {"Lyon", "FR"},
        {"Milano", "IT"},
        {"Kraków", "PL"},
        {"Leeds", "GB"},
        {"London", "GB"},
        {"Dublin", "IE"},
        {"Osaka", "JP"},
        {"São Paulo", "BR"},
        {"Lagos", "NG"}
    };

    public static final String[] EMAIL_DOMAINS = {
        "example.com", "mail.example.org", "corp.example.net", "example.co.uk", "post.example.de"
    };

    public static final String[] SEGMENTS = {"gold", "silver", "bronze"};

    public static final String[] ADJECTIVES = {
        "Steel", "Compact", "Smart", "Classic", "Eco", "Turbo", "Mini", "Pro", "Ultra", "Quiet"
    };

    public static final String[] NOUNS = {
        "Widget",
        "Gadget",
        "Kettle",
        "Lamp",
        "Drill",
        "Backpack",
        "Headset",
        "Router",
        "Chair",
        "Blender",
        "Monitor",
        "Keyboard",
        "Tent",
        "Bottle",
        "Speaker"
    };

    public static final String[] CATEGORIES = {
        "tools", "kitchen", "electronics", "outdoor", "office", "home"
    };

    public static final String[] CHANNELS = {"web", "store", "phone", "marketplace"};

    public static final String[] CARRIERS = {"dhl", "ups", "fedex", "royal_mail"};

    public static final String[] RETURN_REASONS = {"damaged", "wrong_item", "not_needed", "late"};

    public static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};

    public static final String[] SUBJECTS = {
        "Where is my order?",
        "Invoice amount looks wrong",
        "Item arrived damaged",
        "Change delivery address",
        "Cancel my order",
        "Warranty question",
        "Login problem"
    };

    private Vocabulary() {}
}
