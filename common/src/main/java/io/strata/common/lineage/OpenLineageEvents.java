package io.strata.common.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.apache.flink.api.common.JobID;

/**
 * OpenLineage run events (spec 2-0-2) written with Jackson: the model is a handful of fields, and
 * the OpenLineage Java client would add a dependency tree to every job jar for them.
 */
final class OpenLineageEvents {

    static final String PRODUCER = "https://github.com/strata-platform/strata";
    static final String SCHEMA_URL =
            "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    static final String JOB_TYPE_SCHEMA =
            "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
    static final String STRATA_FACET_SCHEMA =
            "https://github.com/strata-platform/strata/blob/main/docs/lineage.md#strata-run-facet";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenLineageEvents() {}

    /** The run id of a Flink job: its JobID's 128 bits as a UUID, known to client and cluster. */
    static UUID runId(JobID job) {
        return new UUID(job.getUpperPart(), job.getLowerPart());
    }

    /**
     * An event of {@code type} (START, RUNNING, COMPLETE, FAIL) with the run facet {@code strata}
     * (already holding what the caller knows) and the job's datasets.
     */
    static ObjectNode event(
            String type,
            LineageRun run,
            JobID job,
            Instant time,
            ObjectNode strata,
            Collection<LineageDataset> inputs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", type);
        event.put("eventTime", time.toString());
        event.put("producer", PRODUCER);
        event.put("schemaURL", SCHEMA_URL);
        ObjectNode runNode = event.putObject("run");
        runNode.put("runId", runId(job).toString());
        strata.put("_producer", PRODUCER);
        strata.put("_schemaURL", STRATA_FACET_SCHEMA);
        strata.put("configVersion", run.configVersion());
        strata.put("flinkJobId", job.toHexString());
        runNode.putObject("facets").set("strata", strata);
        ObjectNode jobNode = event.putObject("job");
        jobNode.put("namespace", run.jobNamespace());
        jobNode.put("name", run.job());
        ObjectNode jobType = jobNode.putObject("facets").putObject("jobType");
        jobType.put("_producer", PRODUCER);
        jobType.put("_schemaURL", JOB_TYPE_SCHEMA);
        jobType.put("processingType", "STREAMING");
        jobType.put("integration", "FLINK");
        jobType.put("jobType", "JOB");
        datasets(event.putArray("inputs"), inputs);
        datasets(event.putArray("outputs"), run.outputs());
        return event;
    }

    static ObjectNode facet() {
        return JSON.createObjectNode();
    }

    private static void datasets(ArrayNode array, Collection<LineageDataset> datasets) {
        datasets.forEach(
                d -> array.addObject().put("namespace", d.namespace()).put("name", d.name()));
    }
}
