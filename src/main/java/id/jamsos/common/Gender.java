package id.jamsos.common;

/** As on the KTP. A woman's NIK carries her day of birth plus 40. */
public enum Gender {
    MALE,
    FEMALE
}
