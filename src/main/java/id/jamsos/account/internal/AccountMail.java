package id.jamsos.account.internal;

import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The e-mails this module sends, each from its template {@code mail/account-*.html}, with links to this site. */
@Component
class AccountMail {

    private final Notifications notifications;
    private final String publicUrl;

    AccountMail(Notifications notifications, @Value("${jamsos.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
        variables.put("link", publicUrl + path);
        variables.put("siteUrl", publicUrl);
        notifications.sendEmail(new EmailMessage(to, language, template, variables));
    }
}
