package io.strata.gold.input;

import io.strata.model.silver.Customer;
import io.strata.model.silver.Order;
import io.strata.model.silver.OrderLine;
import io.strata.model.silver.Product;
import io.strata.model.silver.ProductReturn;
import io.strata.model.silver.SupportTicket;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The Silver rows Gold reads, one stream per entity, in the order each key's versions were
 * published (every version of a key is on one partition of its topic). No timestamps or watermarks
 * yet: each consumer assigns what it needs.
 */
public record SilverStreams(
        DataStream<Customer> customers,
        DataStream<Product> products,
        DataStream<Order> orders,
        DataStream<OrderLine> orderLines,
        DataStream<SupportTicket> tickets,
        DataStream<ProductReturn> returns) {

    /** The side outputs of the {@link DecodeSilverRows} operator. */
    public static SilverStreams of(SingleOutputStreamOperator<Void> decoded) {
        return new SilverStreams(
                decoded.getSideOutput(SilverEntity.CUSTOMER.tag()),
                decoded.getSideOutput(SilverEntity.PRODUCT.tag()),
                decoded.getSideOutput(SilverEntity.ORDER.tag()),
                decoded.getSideOutput(SilverEntity.ORDER_LINE.tag()),
                decoded.getSideOutput(SilverEntity.SUPPORT_TICKET.tag()),
                decoded.getSideOutput(SilverEntity.PRODUCT_RETURN.tag()));
    }
}
