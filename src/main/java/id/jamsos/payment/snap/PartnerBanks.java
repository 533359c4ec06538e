package id.jamsos.payment.snap;

import id.jamsos.payment.internal.PayingBanks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The banks that may call us: those configured under {@code jamsos.snap.partners}, plus the demo bank outside prod.
 * They are also the banks the payment pages' "how to pay" guides and the reconciliation report name.
 */
@Component
@EnableConfigurationProperties(SnapProperties.class)
class PartnerBanks implements PayingBanks {

    private final Map<String, PartnerBank> byClientKey = new LinkedHashMap<>();
    private final Map<String, PartnerBank> byPartnerId = new LinkedHashMap<>();

    PartnerBanks(SnapProperties properties, ObjectProvider<DemoBank> demoBank) {
        List<PartnerBank> banks = new ArrayList<>();
        for (int i = 0; i < properties.partners().size(); i++) {
            banks.add(PartnerBank.of(properties.partners().get(i), "jamsos.snap.partners[" + i + "]"));
        }
        demoBank.ifAvailable(demo -> banks.add(demo.bank()));
        for (PartnerBank bank : banks) {
            if (byClientKey.putIfAbsent(bank.clientKey(), bank) != null
                    || byPartnerId.putIfAbsent(bank.partnerId(), bank) != null) {
                throw new IllegalStateException("two partner banks share the client key or partner id of " + bank);
            }
        }
    }

    Optional<PartnerBank> byClientKey(String clientKey) {
        return Optional.ofNullable(clientKey == null ? null : byClientKey.get(clientKey));
    }

    Optional<PartnerBank> byPartnerId(String partnerId) {
        return Optional.ofNullable(partnerId == null ? null : byPartnerId.get(partnerId));
    }

    List<PartnerBank> banks() {
        return List.copyOf(byPartnerId.values());
    }

    @Override
    public List<PayingBank> all() {
        return byPartnerId.values().stream()
                .map(bank -> new PayingBank(bank.partnerId(), bank.name(), bank.partnerServiceId())).toList();
    }
}
