package id.jamsos.contribution;

/** What a share is a percentage of, as the {@code basis} column of the rate table names it. */
public enum Basis {
    /** The reported monthly wage (basic wage + fixed allowances). */
    WAGE,
    /** The wage capped at the JP wage ceiling in force on the first day of the month (PP 45/2015 art. 28–29). */
    WAGE_CAPPED_JP,
    /** The employer's JKK risk class decides the rate (PP 44/2015 annex I). */
    BY_RISK_CLASS,
    /** The BPU member's declared monthly income. */
    DECLARED_INCOME,
    /** A flat amount per month, not a percentage. */
    FLAT
}
