package id.jamsos.payment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The paying banks: from a {@link PayingBanks} bean when the SNAP side offers one, else from the configuration. */
@Component
public class BankGuides {

    private final ObjectProvider<PayingBanks> provided;
    private final List<PayingBanks.PayingBank> configured;

    BankGuides(ObjectProvider<PayingBanks> provided, Environment environment) {
        this.provided = provided;
        List<PayingBanks.PayingBank> banks = new ArrayList<>();
        Binder.get(environment).bind("jamsos.snap.partners", Bindable.listOf(Map.class))
                .orElse(List.of())
                .forEach(entry -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> partner = (Map<String, Object>) entry;
                    banks.add(new PayingBanks.PayingBank(text(partner, "partner-id", "partnerid"),
                            text(partner, "name", "name"), text(partner, "partner-service-id", "partnerserviceid")));
                });
        this.configured = List.copyOf(banks);
    }

    public List<PayingBanks.PayingBank> banks() {
        PayingBanks bean = provided.getIfAvailable();
        return bean != null ? bean.all() : configured;
    }

    public Optional<PayingBanks.PayingBank> byPartnerId(String partnerId) {
        return banks().stream().filter(b -> b.partnerId() != null && b.partnerId().equals(partnerId)).findFirst();
    }

    private static String text(Map<String, Object> partner, String key, String relaxed) {
        Object value = partner.get(key);
        if (value == null) {
            value = partner.get(relaxed);
        }
        return value == null ? null : value.toString();
    }
}
