-- Strata's Flink SQL session (docs/analysts.md): the Iceberg catalog the jobs write and Kafka tables
-- over the silver.* and gold.* topics. `./strata sql` runs the SQL client with this file (-i).
--
-- ${STRATA_...} placeholders are the deployment's values, named after the jobs' configuration keys
-- (strata.kafka.bootstrap-servers -> STRATA_KAFKA_BOOTSTRAP_SERVERS): `./strata sql` fills them
-- in from the stack's jobs configuration (.strata/conf/strata.yaml); against another deployment,
-- export them and render the file with `envsubst` (docs/analysts.md, "Another deployment").
-- Flink SQL has no variables of its own, so the file is rendered before the client reads it.

-- Iceberg: the jobs' catalog, with the namespaces bronze, silver, gold and ops.
CREATE CATALOG strata WITH (
  'type' = 'iceberg',
  'catalog-type' = '${STRATA_ICEBERG_CATALOG_TYPE}',
  'warehouse' = '${STRATA_ICEBERG_CATALOG_WAREHOUSE}'
);

-- Kafka: one table per topic, in an in-memory catalog `kafka` (an Iceberg catalog holds only
-- Iceberg tables): kafka.silver.<entity> reads topic silver.<entity>. Values are Avro in Confluent's
-- wire format (avro-confluent, writer schemas from the registry); the columns are the topics' Avro
-- schemas, with timestamp-millis as TIMESTAMP(3) in UTC (the format's mapping). Every table is
-- bounded: a query reads what the topic holds when it starts (committed transactions only), and
-- /*+ OPTIONS('scan.bounded.mode' = 'unbounded') */ makes it follow the topic in streaming mode.
CREATE CATALOG kafka WITH ('type' = 'generic_in_memory');
CREATE DATABASE kafka.silver COMMENT 'silver.* topics: every version silver-conform published';
CREATE DATABASE kafka.gold COMMENT 'gold.* topics';

CREATE TABLE kafka.silver.customer (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  customer_key STRING NOT NULL,
  name STRING,
  email STRING,
  phone STRING,
  segment STRING,
  city STRING,
  country STRING,
  created_at TIMESTAMP(3),
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.customer',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.product (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  product_key STRING NOT NULL,
  name STRING,
  category STRING,
  unit_price DECIMAL(18, 2),
  currency STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.product',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.`order` (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  order_key STRING NOT NULL,
  customer_key STRING,
  order_time TIMESTAMP(3) NOT NULL,
  status STRING,
  channel STRING,
  currency STRING,
  total_amount DECIMAL(18, 2),
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.order',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.order_line (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  order_key STRING NOT NULL,
  line_key STRING NOT NULL,
  product_key STRING,
  quantity BIGINT,
  unit_price DECIMAL(18, 2),
  line_amount DECIMAL(18, 2),
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.order_line',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.invoice (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  invoice_key STRING NOT NULL,
  customer_key STRING,
  order_key STRING,
  invoice_time TIMESTAMP(3) NOT NULL,
  due_date TIMESTAMP(3),
  amount DECIMAL(18, 2),
  currency STRING,
  status STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.invoice',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.shipment (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  shipment_key STRING NOT NULL,
  order_key STRING,
  customer_key STRING,
  shipped_time TIMESTAMP(3) NOT NULL,
  carrier STRING,
  status STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.shipment',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.product_return (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  return_key STRING NOT NULL,
  order_key STRING,
  customer_key STRING,
  product_key STRING,
  return_time TIMESTAMP(3) NOT NULL,
  quantity BIGINT,
  refund_amount DECIMAL(18, 2),
  reason STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.product_return',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.silver.support_ticket (
  meta ROW<tenant_id STRING NOT NULL, app STRING NOT NULL, schema_version STRING NOT NULL, config_version STRING NOT NULL, event_time TIMESTAMP(3) NOT NULL, source_event_id STRING NOT NULL, source_position STRING NOT NULL, hash_diff STRING NOT NULL, deleted BOOLEAN NOT NULL, processed_at TIMESTAMP(3) NOT NULL, manifest_id STRING> NOT NULL,
  ticket_key STRING NOT NULL,
  customer_key STRING,
  opened_time TIMESTAMP(3) NOT NULL,
  closed_time TIMESTAMP(3),
  status STRING,
  priority STRING,
  subject STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.support_ticket',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

-- The quarantine topics carry Avro enums (layer, reason, source.kind), which the format cannot
-- read into STRING columns with the reader schema it derives from the columns; the reader schema is
-- therefore given: QuarantineRecord (schemas/src/main/avro/ops) without its docs. Enum symbols
-- unknown to it read as OTHER / UNKNOWN, their declared defaults.
CREATE TABLE kafka.silver.quarantine (
  layer STRING NOT NULL,
  job STRING NOT NULL,
  reason STRING NOT NULL,
  reason_detail STRING NOT NULL,
  tenant_id STRING,
  event_id STRING,
  record_type STRING,
  schema_version STRING,
  source ROW<kind STRING NOT NULL, topic STRING NOT NULL, `partition` INT NOT NULL, `offset` BIGINT NOT NULL, cdc_table STRING, cdc_lsn BIGINT> NOT NULL,
  `raw` BYTES NOT NULL,
  raw_sha256 STRING NOT NULL,
  event_time TIMESTAMP(3),
  quarantined_at TIMESTAMP(3) NOT NULL,
  config_version STRING,
  rule STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'silver.quarantine',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}',
  'value.avro-confluent.schema' = '{"type": "record", "name": "QuarantineRecord", "namespace": "io.strata.model.ops", "fields": [
    {"name": "layer", "type": {"type": "enum", "name": "Layer", "namespace": "io.strata.model", "symbols": ["RAW", "BRONZE", "SILVER", "GOLD", "UNKNOWN"], "default": "UNKNOWN"}},
    {"name": "job", "type": "string"},
    {"name": "reason", "type": {"type": "enum", "name": "QuarantineReason", "namespace": "io.strata.model", "symbols": ["INVALID_JSON", "INVALID_UTF8", "MISSING_TENANT", "MISSING_EVENT_ID", "OVERSIZED_PAYLOAD", "UNSUPPORTED_ENVELOPE", "UNKNOWN_TENANT", "UNKNOWN_SCHEMA_VERSION", "UNKNOWN_RECORD_TYPE", "NULL_KEY", "MISSING_REQUIRED_FIELD", "TYPE_COERCION_FAILED", "POISON_AVRO", "LATE_BEYOND_TOLERANCE", "OTHER", "NESTING_TOO_DEEP", "DUPLICATE_JSON_KEY", "EVENT_TIME_OUT_OF_RANGE"], "default": "OTHER"}},
    {"name": "reason_detail", "type": "string"},
    {"name": "tenant_id", "type": ["null", "string"], "default": null},
    {"name": "event_id", "type": ["null", "string"], "default": null},
    {"name": "record_type", "type": ["null", "string"], "default": null},
    {"name": "schema_version", "type": ["null", "string"], "default": null},
    {"name": "source", "type": {"type": "record", "name": "SourceCoordinates", "namespace": "io.strata.model", "fields": [
      {"name": "kind", "type": {"type": "enum", "name": "SourceKind", "symbols": ["WEBHOOK", "CDC", "UNKNOWN"], "default": "UNKNOWN"}},
      {"name": "topic", "type": "string"},
      {"name": "partition", "type": "int"},
      {"name": "offset", "type": "long"},
      {"name": "cdc_table", "type": ["null", "string"], "default": null},
      {"name": "cdc_lsn", "type": ["null", "long"], "default": null}]}},
    {"name": "raw", "type": "bytes"},
    {"name": "raw_sha256", "type": "string"},
    {"name": "event_time", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
    {"name": "quarantined_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    {"name": "config_version", "type": ["null", "string"], "default": null},
    {"name": "rule", "type": ["null", "string"], "default": null}]}'
);

CREATE TABLE kafka.gold.customer_features (
  tenant_id STRING NOT NULL,
  customer_key STRING NOT NULL,
  customer_hk STRING NOT NULL,
  order_count_30d INT NOT NULL,
  avg_order_value_30d DECIMAL(18, 2),
  lifetime_spend DECIMAL(18, 2) NOT NULL,
  lifetime_order_count BIGINT NOT NULL,
  first_order_time TIMESTAMP(3),
  last_order_time TIMESTAMP(3),
  days_since_last_order INT,
  purchase_trend DOUBLE,
  open_support_tickets INT NOT NULL,
  return_rate_90d DOUBLE,
  valid_from TIMESTAMP(3) NOT NULL,
  valid_to TIMESTAMP(3),
  computed_at TIMESTAMP(3) NOT NULL,
  feature_version INT NOT NULL,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'gold.customer-features',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}'
);

CREATE TABLE kafka.gold.quarantine (
  layer STRING NOT NULL,
  job STRING NOT NULL,
  reason STRING NOT NULL,
  reason_detail STRING NOT NULL,
  tenant_id STRING,
  event_id STRING,
  record_type STRING,
  schema_version STRING,
  source ROW<kind STRING NOT NULL, topic STRING NOT NULL, `partition` INT NOT NULL, `offset` BIGINT NOT NULL, cdc_table STRING, cdc_lsn BIGINT> NOT NULL,
  `raw` BYTES NOT NULL,
  raw_sha256 STRING NOT NULL,
  event_time TIMESTAMP(3),
  quarantined_at TIMESTAMP(3) NOT NULL,
  config_version STRING,
  rule STRING,
  kafka_partition INT METADATA FROM 'partition' VIRTUAL,
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  kafka_timestamp TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
) WITH (
  'connector' = 'kafka',
  'topic' = 'gold.quarantine',
  'properties.bootstrap.servers' = '${STRATA_KAFKA_BOOTSTRAP_SERVERS}',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'scan.bounded.mode' = 'latest-offset',
  'value.format' = 'avro-confluent',
  'value.avro-confluent.url' = '${STRATA_SCHEMA_REGISTRY_URL}',
  'value.avro-confluent.schema' = '{"type": "record", "name": "QuarantineRecord", "namespace": "io.strata.model.ops", "fields": [
    {"name": "layer", "type": {"type": "enum", "name": "Layer", "namespace": "io.strata.model", "symbols": ["RAW", "BRONZE", "SILVER", "GOLD", "UNKNOWN"], "default": "UNKNOWN"}},
    {"name": "job", "type": "string"},
    {"name": "reason", "type": {"type": "enum", "name": "QuarantineReason", "namespace": "io.strata.model", "symbols": ["INVALID_JSON", "INVALID_UTF8", "MISSING_TENANT", "MISSING_EVENT_ID", "OVERSIZED_PAYLOAD", "UNSUPPORTED_ENVELOPE", "UNKNOWN_TENANT", "UNKNOWN_SCHEMA_VERSION", "UNKNOWN_RECORD_TYPE", "NULL_KEY", "MISSING_REQUIRED_FIELD", "TYPE_COERCION_FAILED", "POISON_AVRO", "LATE_BEYOND_TOLERANCE", "OTHER", "NESTING_TOO_DEEP", "DUPLICATE_JSON_KEY", "EVENT_TIME_OUT_OF_RANGE"], "default": "OTHER"}},
    {"name": "reason_detail", "type": "string"},
    {"name": "tenant_id", "type": ["null", "string"], "default": null},
    {"name": "event_id", "type": ["null", "string"], "default": null},
    {"name": "record_type", "type": ["null", "string"], "default": null},
    {"name": "schema_version", "type": ["null", "string"], "default": null},
    {"name": "source", "type": {"type": "record", "name": "SourceCoordinates", "namespace": "io.strata.model", "fields": [
      {"name": "kind", "type": {"type": "enum", "name": "SourceKind", "symbols": ["WEBHOOK", "CDC", "UNKNOWN"], "default": "UNKNOWN"}},
      {"name": "topic", "type": "string"},
      {"name": "partition", "type": "int"},
      {"name": "offset", "type": "long"},
      {"name": "cdc_table", "type": ["null", "string"], "default": null},
      {"name": "cdc_lsn", "type": ["null", "long"], "default": null}]}},
    {"name": "raw", "type": "bytes"},
    {"name": "raw_sha256", "type": "string"},
    {"name": "event_time", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
    {"name": "quarantined_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    {"name": "config_version", "type": ["null", "string"], "default": null},
    {"name": "rule", "type": ["null", "string"], "default": null}]}'
);

-- Session defaults for analysts: bounded queries in batch mode, results printed as tables, times
-- shown and "today" / "this month" computed in UTC, a failing query failing at once (the cluster
-- otherwise restarts jobs), and columns wide enough for a 32-character hash key.
SET 'execution.runtime-mode' = 'batch';
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'table.local-time-zone' = 'UTC';
SET 'restart-strategy.type' = 'none';
SET 'sql-client.display.max-column-width' = '40';
