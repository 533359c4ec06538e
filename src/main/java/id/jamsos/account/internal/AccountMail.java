package id.jamsos.account.internal;

import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import id.jamsos.platform.PublicAddress;
import org.springframework.stereotype.Component;

/** The e-mails this module sends, each from its template {@code mail/account-*.html}, with links to this site. */
@Component
class AccountMail {

    private final Notifications notifications;
    private final PublicAddress site;

    AccountMail(Notifications notifications, PublicAddress site) {
        this.notifications = notifications;
        this.site = site;
    }

    void verifyEmail(String to, Locale language, String name, String token) {
        send(to, language, "account-verify-email", name, "/verifikasi?token=" + token);
    }

    void alreadyRegistered(String to, Locale language, String name) {
        send(to, language, "account-already-registered", name, "/lupa-sandi");
    }

    void resetPassword(String to, Locale language, String name, String token) {
        send(to, language, "account-reset-password", name, "/atur-ulang-sandi?token=" + token);
    }

    void invitation(String to, Locale language, String name, String token) {
        send(to, language, "account-invitation", name, "/atur-ulang-sandi?token=" + token);
    }

    void passwordChanged(String to, Locale language, String name) {
        send(to, language, "account-password-changed", name, "/lupa-sandi");
    }

    void confirmNewEmail(String to, Locale language, String name, String token) {
        send(to, language, "account-confirm-new-email", name, "/verifikasi/surel-baru?token=" + token);
    }

    void emailChangeRequested(String to, Locale language, String name) {
        send(to, language, "account-email-change-requested", name, "/lupa-sandi");
    }

    private void send(String to, Locale language, String template, String name, String path) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", name);
        variables.put("link", site.link(path));
        notifications.sendEmail(new EmailMessage(to, language, template, variables));
    }
}
