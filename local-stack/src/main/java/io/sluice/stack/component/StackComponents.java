package io.sluice.stack.component;

import io.sluice.runtime.service.ServiceId;
import java.util.ArrayList;
import java.util.List;

/** Every component, in start order: infrastructure first, then the services. Stops run in reverse. */
public final class StackComponents {

    private final List<Component> all;

    public StackComponents(StackContext context) {
        List<Component> components = new ArrayList<>(List.of(
                new KafkaBroker(context), new SchemaRegistry(context), new S3Server(context)));
        for (ServiceId id : ServiceId.values()) {
            components.add(new SluiceService(context, id));
            if (id == ServiceId.SESSION_PROCESSOR && context.sessionProcessors() > 1) {
                components.add(new SluiceService(context, id, 2));
            }
        }
        this.all = List.copyOf(components);
    }

    public List<Component> all() {
        return all;
    }

    public List<Component> infrastructure() {
        return all.stream().filter(c -> !c.isService()).toList();
    }

    public List<Component> services() {
        return all.stream().filter(Component::isService).toList();
    }

    public List<String> names() {
        return all.stream().map(Component::name).toList();
    }

    public Component byName(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownComponent(name, names()));
    }

    /** The operator named a component that does not exist. */
    public static final class UnknownComponent extends IllegalArgumentException {
        public UnknownComponent(String name, List<String> known) {
            super("Unknown component '" + name + "'; one of: " + String.join(", ", known));
        }
    }
}
