package id.jamsos.platform.internal;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event publication registry's completion marks commit without waiting for the WAL flush
 * ({@code synchronous_commit = off} for that transaction alone). Spring Modulith marks a publication completed in a
 * transaction of its own ({@code REQUIRES_NEW}) after the listener's work has committed; on a server with synchronous
 * commits that is one more flush to wait for per event, a third of a SNAP payment's. Nothing is weakened: a crash can
 * lose only marks not yet flushed, and then the registry delivers those events again on restart, as it does for a
 * crash between a listener's work and its mark (every listener is idempotent for that reason). A mark is flushed by
 * the next synchronous commit anywhere, within a fraction of a second.
 */
@Component
class LazyCompletionMarks implements BeanPostProcessor {

    private final ObjectProvider<JdbcClient> jdbc;
    private volatile Boolean synchronousServer;

    LazyCompletionMarks(ObjectProvider<JdbcClient> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getName().equals("markCompleted")
                    && TransactionSynchronizationManager.isActualTransactionActive() && synchronousServer()) {
                jdbc.getObject().sql("SELECT set_config('synchronous_commit', 'off', true)").query().singleValue();
            }
            return invocation.proceed();
        });
        return proxy.getProxy();
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
}
