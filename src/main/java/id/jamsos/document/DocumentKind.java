package id.jamsos.document;

import java.util.Arrays;
import java.util.Optional;

/** What a document shows. */
public enum DocumentKind {
    /** Kartu Tanda Penduduk, the identity card. */
    KTP,
    /** Kartu Keluarga, the family card. */
    KK;

    /** The kind named exactly, as in a URL ({@code KTP}); anything else is no kind. */
    public static Optional<DocumentKind> parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
