package io.sluice.e2e;

import io.sluice.schemas.topics.Topics;
import io.sluice.session.topology.SessionProcessorTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Which session-processor instance owns which partitions, as the broker's group coordinator says:
 * each member of the Streams app's consumer group is named after its instance's process id, which
 * the instance keeps in its state directory. Task {@code 0_p} owns partition p of every input topic.
 */
final class SessionProcessorGroup {

    private static final Pattern PROCESS_ID = Pattern.compile("\"processId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String bootstrapServers;
    private final Map<String, Path> stateDirs;

    /** @param stateDirs each instance's name and its {@code SLUICE_STATE_DIR} */
    SessionProcessorGroup(String bootstrapServers, Map<String, Path> stateDirs) {
        this.bootstrapServers = bootstrapServers;
        this.stateDirs = stateDirs;
    }

    /**
     * The partitions of {@code sluice.upload-requests} each live member processes (its active tasks),
     * by instance name; a member of no known instance is named by its client id.
     */
    Map<String, Set<Integer>> activePartitions() throws Exception {
        Map<String, String> instanceByProcessId = new TreeMap<>();
        stateDirs.forEach((instance, dir) -> processId(dir).ifPresent(id -> instanceByProcessId.put(id, instance)));
        Map<String, Set<Integer>> owned = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(SessionProcessorTopology.APPLICATION_ID))
                    .all().get(10, TimeUnit.SECONDS).get(SessionProcessorTopology.APPLICATION_ID);
            for (MemberDescription member : group.members()) {
                String instance = instanceByProcessId.entrySet().stream()
                        .filter(entry -> member.clientId().contains(entry.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(member.clientId());
                Set<Integer> partitions = owned.computeIfAbsent(instance, name -> new TreeSet<>());
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (partition.topic().equals(Topics.UPLOAD_REQUESTS.name())) partitions.add(partition.partition());
                }
            }
        }
        return owned;
    }

    /** The process id Kafka Streams keeps in {@code <state dir>/<application id>/kafka-streams-process-metadata}. */
    private static java.util.Optional<String> processId(Path stateDir) {
        Path file = stateDir.resolve(SessionProcessorTopology.APPLICATION_ID).resolve("kafka-streams-process-metadata");
        if (!Files.exists(file)) return java.util.Optional.empty();
        try {
            Matcher matcher = PROCESS_ID.matcher(Files.readString(file));
            return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
