package id.jamsos.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** Partner banks read from the same keys the SNAP side configures, and the numbers a payer types. */
class BankGuidesTest {

    @Test
    void banksComeFromTheSnapPartnerPropertiesAndTheVirtualAccountIsThePrefixAndTheCustomerNumber() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("jamsos.snap.partners[0].partner-id", "BANKA01")
                .withProperty("jamsos.snap.partners[0].name", "Bank A")
                .withProperty("jamsos.snap.partners[0].partner-service-id", "   12345")
                .withProperty("jamsos.snap.partners[0].client-secret", "not-read-here")
                .withProperty("jamsos.snap.partners[1].partner-id", "BANKB02")
                .withProperty("jamsos.snap.partners[1].name", "Bank B")
                .withProperty("jamsos.snap.partners[1].partner-service-id", "88899");
        BankGuides guides = new BankGuides(new DefaultListableBeanFactory().getBeanProvider(PayingBanks.class),
                environment);

        assertThat(guides.banks()).extracting(PayingBanks.PayingBank::name).containsExactly("Bank A", "Bank B");
        PayingBanks.PayingBank bankB = guides.byPartnerId("BANKB02").orElseThrow();
        String employer = CustomerNumber.of(new Npp("01234567"));
        assertThat(employer).isEqualTo("101234567");
        assertThat(bankB.virtualAccount(employer)).isEqualTo("   88899101234567").hasSize(8 + 9);
        assertThat(bankB.typed(employer)).isEqualTo("88899101234567");
        Kpj kpj = Kpj.issue(25, 42);
        assertThat(CustomerNumber.of(kpj)).isEqualTo("2" + kpj.value()).hasSize(12);
        assertThat(CustomerNumber.kpj("2" + kpj.value())).contains(kpj);
        assertThat(CustomerNumber.kpj("2" + kpj.value().substring(0, 10) + ((kpj.value().charAt(10) - '0' + 1) % 10)))
                .isEmpty();
        assertThat(CustomerNumber.npp("1" + "01234567")).contains(new Npp("01234567"));
        assertThat(guides.byPartnerId("NONE")).isEmpty();
    }
}
