package io.strata.silver.config;

/** A small valid configuration that the validation tests break one rule at a time. */
final class ShopConfig {

    private ShopConfig() {}

    static final String VALID =
            """
            tenant: acme
            application: commerce
            defaults:
              zone: America/New_York
            # master data
            master_data: [customer, product]
            versions:
              "1.0":
                sales_order:
                  customer:
                    context: $.order.customer
                    key: {first_of: ["@.id", {path: "@.email", normalize: [trim, lower]}]}
                    fields:
                      name: "@.name"
                      email: {path: "@.email", normalize: [trim, lower]}
                  order:
                    key: $.order.id
                    fields:
                      customer_key: {ref: customer}
                      order_time: $.order.placed_at
                      status: $.order.status
                      channel: $.order.channel
                      currency: $.order.currency
                      total_amount: {path: $.order.total, type: decimal}
                  product:
                    foreach: $.order.items[*]
                    key: "@.product.sku"
                    fields: {name: "@.product.title"}
                  order_line:
                    foreach: $.order.items[*]
                    key: [{parent: order}, "@.line"]
                    fields:
                      product_key: {ref: product}
                      quantity: "@.qty"
            """;
}
