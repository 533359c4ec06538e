package id.jamsos.document;

/** What a document shows. */
public enum DocumentKind {
    /** Kartu Tanda Penduduk, the identity card. */
    KTP,
    /** Kartu Keluarga, the family card. */
    KK
}
