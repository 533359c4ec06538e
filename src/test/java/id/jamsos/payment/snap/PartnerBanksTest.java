package id.jamsos.payment.snap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import id.jamsos.payment.internal.PayingBanks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Partner banks come from properties or environment variables, checked at start with a message naming the field. */
class PartnerBanksTest {

    static final String DEMO_PEM = demoPem();

    static String demoPem() {
        java.util.Properties properties = new java.util.Properties();
        try (var in = PartnerBanksTest.class.getResourceAsStream("/id/jamsos/payment/snap/demo-bank.properties")) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties.getProperty("public-key");
    }

    static SnapProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // as Spring Boot reads the process environment (the mapping applies to the source of that name)
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("jamsos.snap", SnapProperties.class);
    }

    @Test
    void aBankIsRegisteredFromEnvironmentVariablesAndItsPrefixPaddedToEightCharacters() {
        Map<String, Object> env = new HashMap<>();
        env.put("JAMSOS_SNAP_PARTNERS_0_PARTNERID", "BANK77");
        env.put("JAMSOS_SNAP_PARTNERS_0_CLIENTKEY", "bank-77-key");
        env.put("JAMSOS_SNAP_PARTNERS_0_CLIENTSECRET", "a-secret-of-at-least-thirty-two-characters");
        env.put("JAMSOS_SNAP_PARTNERS_0_PUBLICKEY", DEMO_PEM);
        env.put("JAMSOS_SNAP_PARTNERS_0_PARTNERSERVICEID", "12345");
        env.put("JAMSOS_SNAP_PARTNERS_0_NAME", "Bank Tujuh");

        SnapProperties properties = bind(env);
        PartnerBanks banks = new PartnerBanks(properties, providerOf(new DemoBank()));

        assertThat(properties.tokenLifetime()).hasSeconds(900);
        assertThat(properties.timestampTolerance()).hasMinutes(5);
        assertThat(banks.byPartnerId("BANK77")).hasValueSatisfying(bank -> {
            assertThat(bank.partnerServiceId()).isEqualTo("   12345");
            assertThat(bank.clientKey()).isEqualTo("bank-77-key");
            assertThat(bank.name()).isEqualTo("Bank Tujuh");
        });
        assertThat(banks.byClientKey("demo-bank-client")).isPresent();
        assertThat(banks.all()).extracting(PayingBanks.PayingBank::partnerId).containsExactly("BANK77", "DEMOBANK01");
        assertThat(banks.all().get(0).typed("112345678")).isEqualTo("12345112345678");
    }

    @Test
    void theDemoBankIsThereOutsideProdOnly() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(DemoBank.class, PartnerBanks.class);

        runner.run(context -> assertThat(context.getBean(PartnerBanks.class).byPartnerId("DEMOBANK01")).isPresent());
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).doesNotHaveBean(DemoBank.class);
            assertThat(context.getBean(PartnerBanks.class).all()).isEmpty();
        });
    }

    @Test
    void aMisconfiguredBankStopsTheStartWithTheFieldNamed() {
        SnapProperties.Partner noKey = new SnapProperties.Partner("B1", "k1", "a-secret-of-at-least-thirty-two-characters",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "12345", "Bank");
        SnapProperties.Partner longPrefix = new SnapProperties.Partner("B1", "k1",
                "a-secret-of-at-least-thirty-two-characters", DEMO_PEM, "123456789", "Bank");
        SnapProperties.Partner shortSecret = new SnapProperties.Partner("B1", "k1", "short", DEMO_PEM, "1", "Bank");

        assertThatThrownBy(() -> PartnerBank.of(noKey, "jamsos.snap.partners[0]"))
                .hasMessage("jamsos.snap.partners[0].public-key is not an RSA public key in PEM");
        assertThatThrownBy(() -> PartnerBank.of(longPrefix, "jamsos.snap.partners[0]"))
                .hasMessageContaining("partner-service-id");
        assertThatThrownBy(() -> PartnerBank.of(shortSecret, "jamsos.snap.partners[1]"))
                .hasMessage("jamsos.snap.partners[1].client-secret must be at least 32 characters");
    }

    @Test
    void aPropertiesFileBindsTheSameWay() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "jamsos.snap.partners[0].partner-id", "BANK9", "jamsos.snap.token-lifetime", "600s")));
        ConfigurationPropertySources.attach(environment);

        SnapProperties properties = Binder.get(environment).bindOrCreate("jamsos.snap", SnapProperties.class);

        assertThat(properties.partners()).extracting(SnapProperties.Partner::partnerId).containsExactly("BANK9");
        assertThat(properties.tokenLifetime()).hasSeconds(600);
    }

    static <T> org.springframework.beans.factory.ObjectProvider<T> providerOf(T bean) {
        org.springframework.beans.factory.support.StaticListableBeanFactory factory =
                new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("bean", bean));
        @SuppressWarnings("unchecked")
        org.springframework.beans.factory.ObjectProvider<T> provider =
                (org.springframework.beans.factory.ObjectProvider<T>) factory.getBeanProvider(bean.getClass());
        return provider;
    }
}
