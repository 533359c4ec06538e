package id.jamsos.platform.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry's completion marks are written in groups, by one thread, without waiting for the
 * WAL flush. Spring Modulith marks a publication completed after its listener's work, in a transaction of its own
 * ({@code REQUIRES_NEW}); with {@code spring.modulith.events.completion-mode=delete} the mark deletes the publication.
 * That was three round trips and a commit for every event delivered (a SNAP payment's settled bill is one); here the
 * mark only notes the publication, and the marks noted within {@link #GATHER} are deleted by one statement in one
 * transaction ({@code synchronous_commit = off} for it alone).
 *
 * <p>Nothing is weakened. A mark is written only after its listener's work has committed, as before. A crash (of the
 * platform before the group is written, or of the database before its commit is flushed) loses only marks, and the
 * registry then delivers those events again on restart ({@code republish-outstanding-events-on-restart}), as it does
 * for a crash between a listener's work and its mark: every listener is idempotent for that reason. A group that
 * cannot be written is noted again and retried. On shutdown the marks noted are written before the database closes.
 */
@Component
class GroupedCompletionMarks implements BeanPostProcessor, SmartLifecycle {

    /** How long the thread gathers marks after the first one of a group: the group's size at 500 events/s is 25. */
    static final Duration GATHER = Duration.ofMillis(50);
    /** The most marks one statement deletes. */
    static final int MOST = 1_000;

    private static final Logger log = LoggerFactory.getLogger(GroupedCompletionMarks.class);

    private final ObjectProvider<JdbcClient> jdbc;
    private final ObjectProvider<TransactionTemplate> transaction;
    private final boolean deleting;
    private final LinkedBlockingQueue<UUID> noted = new LinkedBlockingQueue<>();
    private final AtomicLong groupsWritten = new AtomicLong();
    private volatile Boolean synchronousServer;
    private volatile boolean running;
    private Thread thread;

    GroupedCompletionMarks(ObjectProvider<JdbcClient> jdbc, ObjectProvider<TransactionTemplate> transaction,
                           @Value("${spring.modulith.events.completion-mode:update}") String completionMode) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.deleting = "delete".equalsIgnoreCase(completionMode.trim());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (!invocation.getMethod().getName().equals("markCompleted")) {
                return invocation.proceed();
            }
            UUID id = publicationOf(invocation.getArguments()[0]);
            if (deleting && running && id != null) {
                noted.add(id);
                return null;
            }
            // Not groupable (a mark by event and listener, another completion mode, before start or after stop):
            // written now, still without waiting for the flush.
            if (TransactionSynchronizationManager.isActualTransactionActive() && synchronousServer()) {
                lazyCommit();
            }
            return invocation.proceed();
        });
        return proxy.getProxy();
    }

    private static UUID publicationOf(Object firstArgument) {
        if (firstArgument instanceof UUID id) {
            return id;
        }
        return firstArgument instanceof TargetEventPublication publication ? publication.getIdentifier() : null;
    }

    /** How many groups of marks have been written since start (for the tests). */
    long groupsWritten() {
        return groupsWritten.get();
    }

    /** Marks noted and not yet written. */
    int waiting() {
        return noted.size();
    }

    private void run() {
        while (running) {
            try {
                UUID first = noted.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(GATHER.toMillis()); // the marks noted meanwhile join this group
                List<UUID> group = new ArrayList<>();
                group.add(first);
                noted.drainTo(group, MOST - 1);
                if (!write(group)) {
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes the group's publications in one transaction; a group that fails is noted again. */
    private boolean write(List<UUID> group) {
        try {
            transaction.getObject().executeWithoutResult(status -> {
                if (synchronousServer()) {
                    lazyCommit();
                }
                // The platform's own table (V142 and before: the registry's schema initialisation is off).
                jdbc.getObject().sql("DELETE FROM event_publication WHERE id = ANY(:ids)")
                        .param("ids", group.toArray(UUID[]::new)).update();
            });
            groupsWritten.incrementAndGet();
            return true;
        } catch (RuntimeException failed) {
            log.warn("Completion marks of {} event publications not written, trying again: {}", group.size(),
                    failed.toString());
            noted.addAll(group);
            return false;
        }
    }

    private void lazyCommit() {
        jdbc.getObject().sql("SELECT set_config('synchronous_commit', 'off', true)").query().singleValue();
    }

    /** Whether the server waits for the flush at commit (one whose operator turned that off needs nothing more). */
    private boolean synchronousServer() {
        Boolean known = synchronousServer;
        if (known == null) {
            known = !"off".equals(jdbc.getObject().sql("SHOW synchronous_commit").query(String.class).single());
            synchronousServer = known;
        }
        return known;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "completion-marks");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and writes the marks still noted (a group being written finishes first). */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        List<UUID> left = new ArrayList<>();
        noted.drainTo(left);
        for (int from = 0; from < left.size(); from += MOST) {
            write(left.subList(from, Math.min(left.size(), from + MOST)));
        }
        noted.clear(); // a group that failed now is delivered again on restart
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the listeners' executors, before the database closes. */
    @Override
    public int getPhase() {
        return 0;
    }
}
