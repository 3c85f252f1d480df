package io.sluice.stack.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics that do not exist yet; existing topics are left as they are (their data is
 * the point of keeping {@code .sluice/} across restarts). Safe to run any number of times.
 */
public final class TopicBootstrap {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicBootstrap() {}

    /** What a run did. */
    public record Outcome(List<String> created, List<String> existing) {}

    public static Outcome ensureTopics(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : topics) {
            if (present.contains(topic.name())) {
                existing.add(topic.name());
            } else {
                missing.add(topic);
            }
        }
        var results = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                results.get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
                existing.add(topic.name()); // created concurrently by someone else: just as good
            }
        }
        return new Outcome(created, existing);
    }
}
