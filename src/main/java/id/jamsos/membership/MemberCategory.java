package id.jamsos.membership;

import java.util.List;

/**
 * The segment a member joins in (RULES.md §1): PU, penerima upah (wage earner, contributions shared with the
 * employer), or BPU, bukan penerima upah (informal or self-employed, paying their own).
 */
public enum MemberCategory {
    PU,
    BPU;

    /**
     * The programs of a member of this segment (RULES.md §1): a wage earner has all four on the bill; an informal
     * worker has JKK and JKM and, if chosen, JHT. In the order bills list them.
     */
    public List<String> programs(boolean withJht) {
        if (this == PU) {
            return List.of("JHT", "JKK", "JKM", "JP");
        }
        return withJht ? List.of("JHT", "JKK", "JKM") : List.of("JKK", "JKM");
    }
}
