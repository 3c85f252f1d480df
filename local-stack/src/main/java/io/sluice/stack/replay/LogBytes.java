package io.sluice.stack.replay;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;

/** Bytes the broker holds for some topics (every partition, every log directory): what a replay re-reads. */
public final class LogBytes {

    private LogBytes() {}

    public static long of(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        Collection<Node> brokers = admin.describeCluster().nodes().get();
        List<Integer> ids = brokers.stream().map(Node::id).toList();
        long bytes = 0;
        for (var byDir : admin.describeLogDirs(ids).allDescriptions().get().values()) {
            for (LogDirDescription dir : byDir.values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    if (topics.contains(replica.getKey().topic())) bytes += sizeOf(replica.getValue());
                }
            }
        }
        return bytes;
    }

    private static long sizeOf(ReplicaInfo replica) {
        return Math.max(0, replica.size());
    }
}
