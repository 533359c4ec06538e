package id.jamsos.membership.internal;

import id.jamsos.common.Npp;
import id.jamsos.common.Rupiah;
import id.jamsos.membership.MemberCategory;
import java.time.LocalDate;
import java.util.List;

/**
 * Step 2 of the wizard, checked: how the applicant earns. A wage earner (PU) names the employer (its NPP, or its
 * name when they do not know it), the job, since when and the monthly wage; an informal worker (BPU) names the
 * occupation, where they work, the monthly income they declare and whether they add JHT to JKK and JKM.
 * The fields of the other category are null.
 */
public record Work(MemberCategory category, Npp employerNpp, String employerName, String jobTitle,
                   LocalDate startDate, Rupiah monthlyWage, String occupation, String workLocation,
                   Rupiah declaredIncome, boolean jht) {

    static Work wageEarner(Npp employerNpp, String employerName, String jobTitle, LocalDate startDate,
                           Rupiah monthlyWage) {
        return new Work(MemberCategory.PU, employerNpp, employerName, jobTitle, startDate, monthlyWage, null, null,
                null, true);
    }

    static Work informal(String occupation, String workLocation, Rupiah declaredIncome, boolean jht) {
        return new Work(MemberCategory.BPU, null, null, null, null, null, occupation, workLocation, declaredIncome, jht);
    }

    public boolean wageEarner() {
        return category == MemberCategory.PU;
    }

    public List<String> programs() {
        return category.programs(jht);
    }

    /** What contributions are computed on: the wage (PU) or the declared income (BPU). */
    public Rupiah basis() {
        return wageEarner() ? monthlyWage : declaredIncome;
    }

    /** The form field that holds {@link #basis()}, to tie a refusal of the amount to it. */
    public String basisField() {
        return wageEarner() ? "monthlyWage" : "declaredIncome";
    }
}
