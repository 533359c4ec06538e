package id.jamsos.membership;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;

/**
 * What an officer sees of a member at a branch: the NIK only masked, the date of birth, the segment with its
 * programs and declared income (BPU), and when and why the membership lapsed (null while active).
 */
public record MemberProfile(Member member, String maskedNik, LocalDate birthDate, MemberCategory category,
                            List<String> programs, Rupiah declaredIncome, LocalDate lapsedOn, LapseReason lapseReason) {

    public MemberProfile {
        programs = programs == null ? List.of() : List.copyOf(programs);
    }
}
