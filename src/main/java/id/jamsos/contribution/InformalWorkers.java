package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.util.Set;
import java.util.UUID;

/** Informal workers (BPU) taking part in the scheme: what they declared and chose, from which month. */
public interface InformalWorkers {

    /**
     * Enrols a member from {@code from} on a declared income with the programs chosen (JKK and JKM always, JHT when
     * chosen; RULES.md §1, §3); a later enrolment from a later month replaces it from then on. Refused (InvalidValue)
     * when the income is outside the bounds in force or a program is not open to informal workers. The monthly
     * billing run bills the member from {@code from}.
     */
    void enrol(UUID memberId, Rupiah declaredIncome, Set<Program> programs, Period from);
}
