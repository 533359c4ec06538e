package id.jamsos.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people use to reach the platform ({@code JAMSOS_PUBLIC_URL}), for links that leave it: in e-mails,
 * in QR codes. Never taken from a request's Host header, which a sender could forge into a phishing link.
 */
@Component
public class PublicAddress {

    private final String base;

    PublicAddress(@Value("${jamsos.public-url}") String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The absolute link to a path of this site, such as {@code /verifikasi?token=…}. */
    public String link(String path) {
        return base + path;
    }
}
