package id.jamsos.contribution;

/**
 * The programs a bill carries, in the order bills and the simulator list them (RULES.md §2). JKP (job loss) costs
 * the worker and employer nothing extra and so never appears on a bill.
 */
public enum Program {
    JHT,
    JKK,
    JKM,
    JP
}
