package id.jamsos.membership;

import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules ask of the member register. */
public interface Members {

    Optional<Member> byId(UUID memberId);

    /**
     * The member an employer registers as a new worker (pendaftaran tenaga kerja): the person's card if they have one
     * already (online membership first, else their oldest card: a new KPJ would split their JHT over two cards), else
     * a new card of origin EMPLOYER, a wage earner (PU) ACTIVE from {@code on}, with no account until the person links
     * it online with NIK and date of birth. A new card publishes {@link MemberActivated} (the ledger opens its JHT
     * account). Two registrations of one NIK at the same moment make one card.
     */
    Member registerForEmployer(Nik nik, id.jamsos.common.PersonName fullName, LocalDate birthDate, LocalDate on);

    /** The sign-in account of each of these members that has one (member id → account id), in one query. */
    java.util.Map<UUID, UUID> accountsOf(java.util.Collection<UUID> memberIds);

    Optional<Member> byKpj(Kpj kpj);

    /** Found by the keyed hash of the NIK; the NIK itself is never compared in clear. */
    Optional<Member> byNik(Nik nik);

    Optional<Member> byAccount(UUID accountId);

    /**
     * Makes an active member NON_ACTIVE, publishes {@link MemberLapsed} and tells them by e-mail, in the caller's
     * transaction. Answers false (and does nothing) when the member was not active.
     */
    boolean lapse(UUID memberId, LapseReason reason, LocalDate on);

    /**
     * Members with exactly this name (case ignored) born on {@code birthDate}, for a search at a branch when the worker
     * knows neither NIK nor KPJ. At most a few dozen.
     */
    List<Member> byNameAndBirthDate(String fullName, LocalDate birthDate);

    /** The member as an officer sees them at a branch (NIK masked). */
    Optional<MemberProfile> profile(UUID memberId);

    /**
     * Makes a NON_ACTIVE member ACTIVE again from {@code on} (RULES.md §4), records who and why in the status
     * history, publishes {@link MemberReactivated} and tells them by e-mail, in the caller's transaction. The update
     * is guarded on the status, so of two callers at once exactly one reactivates; the other gets false.
     *
     * @param byAccountId the officer, or {@code null} for the platform itself
     */
    boolean reactivate(UUID memberId, LocalDate on, UUID byAccountId, String byActor, String reason);

    /**
     * Moves the member to {@code to} from {@code on} (RULES.md §1): a wage earner (PU) takes JHT, JKK, JKM and JP and
     * no declared income; an informal worker (BPU) JKK and JKM, JHT when {@code withJht}, on {@code declaredIncome}
     * (its bounds are the contribution module's: check them there first). Recorded in the segment history with who
     * and why, in the caller's transaction. Answers false (nothing recorded) when the member is in that segment with
     * those programs and that income already; refused (InvalidValue) for an unknown member, a BPU without income or a
     * reason that is empty or too long.
     *
     * @param byAccountId the officer, or {@code null} for the platform itself
     */
    boolean changeCategory(UUID memberId, MemberCategory to, boolean withJht, Rupiah declaredIncome, LocalDate on,
                           String reason, UUID byAccountId, String byActor);

    /** Every change of segment of the member, oldest first. */
    List<CategoryChange> categoryHistory(UUID memberId);

    /** Every lapse and reactivation of the member, oldest first. */
    List<StatusChange> statusHistory(UUID memberId);

    /**
     * Records a new value of a field with who and why; earlier values stay in the history. Refused (InvalidValue) when
     * the value or the reason is empty or malformed: a phone must be an Indonesian mobile number, an employment status
     * one of {@link MemberField.EmploymentStatus}.
     */
    void updateDetail(UUID memberId, MemberField field, String value, String reason, UUID byAccountId, String byActor);

    /** Every value set for the member's fields, oldest first. */
    List<DetailChange> detailHistory(UUID memberId);
}
