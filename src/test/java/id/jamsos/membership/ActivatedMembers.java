package id.jamsos.membership;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tests only: every {@link MemberActivated} published, as a listening module would receive it. */
@Component
class ActivatedMembers {

    static final List<MemberActivated> EVENTS = new CopyOnWriteArrayList<>();

    @EventListener
    void on(MemberActivated event) {
        EVENTS.add(event);
    }

    static MemberActivated of(String kpj) {
        return EVENTS.stream().filter(e -> e.kpj().equals(kpj)).findFirst().orElseThrow();
    }
}
