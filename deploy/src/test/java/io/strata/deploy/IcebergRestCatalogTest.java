package io.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.strata.common.config.StrataOptions;
import io.strata.common.iceberg.IcebergCatalogs;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The profile's Iceberg settings open a REST catalog (against a stub that answers only its config
 * endpoint) and an S3FileIO for the S3-compatible store, with the AWS SDK the cluster's lib/ gets
 * (iceberg-aws-bundle) next to the Iceberg runtime the job jars bundle.
 */
class IcebergRestCatalogTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer rest;

    @BeforeEach
    void start() throws Exception {
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rest.createContext(
                "/v1/config",
                exchange -> {
                    requests.add(exchange.getRequestURI().toString());
                    byte[] body =
                            "{\"defaults\": {}, \"overrides\": {}}"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        rest.start();
    }

    @AfterEach
    void stop() {
        rest.stop(0);
    }

    @Test
    void theRestCatalogOpensWithTheProfilesProperties() throws Exception {
        Map<String, String> profile = new HashMap<>(ClusterProfile.jobs());
        profile.put(
                StrataOptions.ICEBERG_CATALOG_PREFIX + "uri",
                "http://127.0.0.1:" + rest.getAddress().getPort());

        Catalog catalog = IcebergCatalogs.load(Configuration.fromMap(profile));

        assertThat(catalog).isInstanceOf(RESTCatalog.class);
        assertThat(catalog.name()).isEqualTo("strata");
        assertThat(requests).singleElement().asString().contains("warehouse=s3");
        ((RESTCatalog) catalog).close();
    }

    @Test
    void s3FileIoBuildsItsClientForThePathStyleEndpoint() {
        Map<String, String> props =
                IcebergCatalogs.properties(Configuration.fromMap(ClusterProfile.jobs()));

        FileIO io = CatalogUtil.loadFileIO(props.get("io-impl"), props, null);

        assertThat(io).isInstanceOf(S3FileIO.class);
        S3Client client = ((S3FileIO) io).client();
        assertThat(client.serviceClientConfiguration().endpointOverride())
                .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://minio:9000"));
        assertThat(io.properties()).containsEntry("s3.path-style-access", "true");
        io.close();
    }
}
