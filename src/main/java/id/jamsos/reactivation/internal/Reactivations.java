package id.jamsos.reactivation.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.Period;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Billing;
import id.jamsos.contribution.Contributions;
import id.jamsos.common.Npp;
import id.jamsos.common.Rupiah;
import id.jamsos.common.Text;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.document.DocumentKind;
import id.jamsos.employer.EmployerDirectory;
import id.jamsos.employer.MemberEmployment;
import id.jamsos.employer.StartedEmployment;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.CategoryChange;
import id.jamsos.membership.DetailChange;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberProfile;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.membership.StatusChange;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Reactivation of a NON_ACTIVE membership (RULES.md §4). At a branch: the officer finds the member, records the
 * documents brought (KTP, KK, the old card) and the data updated (domicile address, active phone, employment
 * status), quotes the arrears as of today and reactivates only when they are settled, the documents complete and the
 * data updated since the lapse. Online: an informal worker (BPU) whose virtual-account payment settled every unpaid
 * month is active again at once. Either way the membership module's guarded update makes it happen once.
 */
@Service
public class Reactivations {

    /** Who acts at the branch. */
    public record Officer(UUID id, String email, String ipAddress) {
    }

    /** What the documents checklist holds for the current lapse. */
    public record Documents(boolean ktp, boolean kk, boolean oldCard) {

        static final Documents NONE = new Documents(false, false, false);

        public boolean complete() {
            return ktp && kk && oldCard;
        }
    }

    /** A scan of a document brought, attached since the lapse (kept by the document module for the member). */
    public record Scan(DocumentKind kind, String contentType, Instant storedAt) {
    }

    /** One officer's look at the member. */
    public record View(String officerEmail, Instant viewedAt) {
    }

    /**
     * What must be paid to reactivate as of {@code asOf}, valid until {@code validUntil}: the member's own unpaid bills
     * (BPU, without penalty). A wage earner owes nothing of their employer's bills (RULES.md §4: the employer pays both
     * shares and the penalty): a former employer's unpaid months of the worker are listed in {@code formerEmployers}
     * for information only; they stay that employer's and never block a reactivation.
     */
    public record Quote(MemberProfile member, ArrearsStatement arrears, LocalDate validUntil,
                        List<FormerEmployerArrears> formerEmployers) {

        public Quote {
            formerEmployers = List.copyOf(formerEmployers);
        }

        public boolean settled() {
            return arrears.bills().isEmpty();
        }
    }

    /** A former employer's unpaid bills of months the worker was employed there (for information). */
    public record FormerEmployerArrears(String employerName, String npp, List<FormerEmployerMonth> months) {

        public Rupiah total() {
            return months.stream().map(FormerEmployerMonth::workerContribution).reduce(Rupiah.ZERO, Rupiah::plus);
        }
    }

    /** One unpaid month of a former employer: the worker's contribution on it (both shares), and how late it is. */
    public record FormerEmployerMonth(Period period, LocalDate dueDate, Rupiah workerContribution, int monthsLate) {
    }

    /** What the officer types when a wage earner has a new employer (NPP, first day of work, monthly wage, job). */
    public record NewEmployer(String npp, String startDate, String wage, String jobTitle) {
    }

    /** What the officer (or the member online) types when a wage earner now works informally (BPU). */
    public record NowInformal(String occupation, String location, String declaredIncome, boolean withJht) {
    }

    /** Everything the officer's page shows. */
    public record Overview(MemberProfile member, List<StatusChange> statusHistory, List<DetailChange> detailHistory,
                           Map<MemberField, DetailChange> currentDetails, List<MemberEmployment> employments,
                           Quote quote, Documents documents, List<View> recentViews, Readiness readiness,
                           List<Scan> scans, List<CategoryChange> categoryHistory) {

        /** The employment status recorded in force (NEW_EMPLOYER, INFORMAL, NOT_WORKING), or null. */
        public String employmentStatus() {
            DetailChange status = currentDetails.get(MemberField.EMPLOYMENT_STATUS);
            return status == null ? null : status.value();
        }
    }

    /** Which conditions of a branch reactivation hold. */
    public record Readiness(boolean nonActive, boolean paid, boolean documents, boolean data) {

        public boolean ready() {
            return nonActive && paid && documents && data;
        }
    }

    public enum Outcome {
        REACTIVATED,
        ALREADY_ACTIVE,
        ARREARS_UNPAID,
        DOCUMENTS_MISSING,
        DATA_MISSING,
        /** A wage earner is ACTIVE only while employed: they come back with a new employer or as BPU (RULES.md §4). */
        EMPLOYMENT_MISSING
    }

    static final int RECENT_VIEWS = 10;
    static final String NEW_EMPLOYMENT = "NEW_EMPLOYMENT";
    static final String BRANCH_INFORMAL = "BRANCH_INFORMAL";
    static final String ONLINE_INFORMAL = "ONLINE_INFORMAL";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final Members members;
    private final Bills bills;
    private final InformalWorkers informalWorkers;
    private final Billing billing;
    private final FormerEmployers formerEmployers;
    private final Contributions contributions;
    private final Workforce workforce;
    private final EmployerDirectory employers;
    private final id.jamsos.document.Documents scans;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reactivations(Members members, Bills bills, InformalWorkers informalWorkers, Billing billing,
                  FormerEmployers formerEmployers,
                  Contributions contributions, Workforce workforce, EmployerDirectory employers,
                  id.jamsos.document.Documents scans, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.employers = employers;
        this.formerEmployers = formerEmployers;
        this.contributions = contributions;
        this.scans = scans;
        this.members = members;
        this.bills = bills;
        this.informalWorkers = informalWorkers;
        this.billing = billing;
        this.workforce = workforce;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(JAKARTA));
    }

    /**
     * Members found by NIK (its keyed hash), KPJ, or name and date of birth (dd/MM/yyyy or yyyy-MM-dd); whichever is
     * given first. Refused (InvalidValue) when nothing usable was typed.
     */
    @Transactional
    public List<Member> find(Officer officer, String nik, String kpj, String name, String birthDate) {
        List<Member> found;
        String how;
        if (filled(nik)) {
            found = members.byNik(Nik.parse(nik, today())).stream().toList();
            how = "NIK";
        } else if (filled(kpj)) {
            found = members.byKpj(Kpj.parse(kpj)).stream().toList();
            how = "KPJ";
        } else if (filled(name) || filled(birthDate)) {
            found = members.byNameAndBirthDate(name, date(birthDate));
            how = "NAME_BIRTH_DATE";
        } else {
            throw new InvalidValue("reactivation.search.empty");
        }
        audit(officer, "MEMBER_SEARCHED", null, AuditOutcome.SUCCESS, Map.of("by", how,
                "found", Integer.toString(found.size())));
        return found;
    }

    /** The 360° view of a member; the view is recorded (audit trail and recent views). Empty for an unknown id. */
    @Transactional
    public Optional<Overview> view(Officer officer, UUID memberId) {
        Optional<MemberProfile> profile = members.profile(memberId);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<View> recent = recentViews(memberId);
        jdbc.sql("""
                        INSERT INTO reactivation.member_view (member_id, officer_id, officer_email, viewed_at)
                        VALUES (:member, :officer, :email, :at)""")
                .param("member", memberId).param("officer", officer.id()).param("email", officer.email())
                .param("at", Timestamp.from(clock.instant())).update();
        audit(officer, "MEMBER_VIEWED", memberId, AuditOutcome.SUCCESS, Map.of());
        return Optional.of(overview(profile.get(), recent));
    }

    private Overview overview(MemberProfile profile, List<View> recent) {
        UUID memberId = profile.member().id();
        List<DetailChange> details = members.detailHistory(memberId);
        Quote quote = quote(profile, today());
        Documents documents = documents(profile);
        return new Overview(profile, members.statusHistory(memberId), details, current(details),
                workforce.employmentsOf(memberId), quote, documents, recent,
                readiness(profile, quote, documents, details), scans(profile), members.categoryHistory(memberId));
    }

    public Optional<Quote> quote(UUID memberId, LocalDate asOf) {
        return members.profile(memberId).map(profile -> quote(profile, asOf));
    }

    private Quote quote(MemberProfile profile, LocalDate asOf) {
        ArrearsStatement arrears = bills.arrears(Payer.member(profile.member().id()), asOf);
        // A wage earner's penalties grow with each month started; a quote holds to the end of the month at most.
        return new Quote(profile, arrears, asOf.withDayOfMonth(asOf.lengthOfMonth()),
                formerEmployers.of(profile.member().id(), asOf));
    }

    @Transactional
    public void recordDocuments(Officer officer, UUID memberId, boolean ktp, boolean kk, boolean oldCard) {
        MemberProfile profile = nonActive(memberId);
        jdbc.sql("""
                        INSERT INTO reactivation.documents (member_id, lapsed_on, ktp, kk, old_card, recorded_by, recorded_at)
                        VALUES (:member, :lapsed, :ktp, :kk, :card, :by, :at)
                        ON CONFLICT (member_id, lapsed_on) DO UPDATE
                           SET ktp = excluded.ktp, kk = excluded.kk, old_card = excluded.old_card,
                               recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .param("member", memberId).param("lapsed", profile.lapsedOn()).param("ktp", ktp).param("kk", kk)
                .param("card", oldCard).param("by", officer.id()).param("at", Timestamp.from(clock.instant()))
                .update();
        audit(officer, "REACTIVATION_DOCUMENTS_RECORDED", memberId, AuditOutcome.SUCCESS,
                Map.of("ktp", Boolean.toString(ktp), "kk", Boolean.toString(kk), "oldCard", Boolean.toString(oldCard)));
    }

    /**
     * Attaches a scan of a document brought (KTP or KK) to the member's documents, after the document module's content
     * checks (a real JPEG, PNG or PDF, re-encoded, sealed); refused (InvalidValue) otherwise, nothing stored then.
     */
    @Transactional
    public void attachScan(Officer officer, UUID memberId, DocumentKind kind, byte[] content) {
        MemberProfile profile = nonActive(memberId);
        scans.store(profile.member().accountId(), kind, content);
        audit(officer, "REACTIVATION_SCAN_ATTACHED", memberId, AuditOutcome.SUCCESS, Map.of("kind", kind.name()));
    }

    /** The newest scan of each kind when stored on or after the lapse, i.e. brought for this reactivation. */
    private List<Scan> scans(MemberProfile profile) {
        if (profile.lapsedOn() == null || profile.member().accountId() == null) {
            return List.of();
        }
        Instant since = profile.lapsedOn().atStartOfDay(JAKARTA).toInstant();
        return java.util.Arrays.stream(DocumentKind.values())
                .flatMap(kind -> scans.latest(profile.member().accountId(), kind).stream())
                .filter(stored -> !stored.storedAt().isBefore(since))
                .map(stored -> new Scan(stored.kind(), stored.contentType(), stored.storedAt())).toList();
    }

    @Transactional
    public void updateDetail(Officer officer, UUID memberId, MemberField field, String value, String reason) {
        members.profile(memberId).orElseThrow(() -> new InvalidValue("member.not-found"));
        members.updateDetail(memberId, field, value, reason, officer.id(), officer.email());
        audit(officer, "MEMBER_DETAIL_UPDATED", memberId, AuditOutcome.SUCCESS, Map.of("field", field.name()));
    }

    /**
     * Reactivates at the branch when the member is NON_ACTIVE, today's arrears are settled, the documents complete and
     * the data updated since the lapse; whatever the request said, otherwise nothing changes and the refusal is
     * audited as DENIED. Unknown ids answer empty.
     */
    @Transactional
    public Optional<Outcome> reactivateAtBranch(Officer officer, UUID memberId) {
        Optional<MemberProfile> found = members.profile(memberId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MemberProfile profile = found.get();
        LocalDate today = today();
        Outcome refused = refusal(profile, today);
        if (refused == null && profile.category() == MemberCategory.PU) {
            // ACTIVE while employed (RULES.md §4): back with a new employer, or as an informal worker.
            refused = Outcome.EMPLOYMENT_MISSING;
        }
        if (refused != null) {
            audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.DENIED, Map.of("why", refused.name()));
            return Optional.of(refused);
        }
        if (!members.reactivate(memberId, today, officer.id(), officer.email(), "BRANCH")) {
            // Another officer was faster: the member is active once, by their hand.
            audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.DENIED,
                    Map.of("why", Outcome.ALREADY_ACTIVE.name()));
            return Optional.of(Outcome.ALREADY_ACTIVE);
        }
        Period enrolled = reenrol(profile, today);
        record(profile, today, "BRANCH", officer.id(), enrolled, null, null, null);
        audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.SUCCESS,
                enrolled == null ? Map.of() : Map.of("enrolledFrom", enrolled.toString()));
        return Optional.of(Outcome.REACTIVATED);
    }

    /** Why the member cannot be reactivated at the branch today, or null when they can (before any path's own check). */
    private Outcome refusal(MemberProfile profile, LocalDate today) {
        Readiness readiness = readiness(profile, quote(profile, today), documents(profile),
                members.detailHistory(profile.member().id()));
        return !readiness.nonActive() ? Outcome.ALREADY_ACTIVE
                : !readiness.paid() ? Outcome.ARREARS_UNPAID
                : !readiness.documents() ? Outcome.DOCUMENTS_MISSING
                : !readiness.data() ? Outcome.DATA_MISSING : null;
    }

    /**
     * A wage earner (PU) with a new employer (RULES.md §4): once the documents and data are checked (the employment
     * status recorded as NEW_EMPLOYER), the employment with the employer of that NPP is registered from the start date
     * at the wage through the employer module, and the member is ACTIVE again from that day, in one transaction; the
     * new employer's bills include the worker from that month. The worker owes nothing of a former employer's unpaid
     * bills: they stay that employer's and do not block. Bad input is refused (InvalidValue) with nothing changed;
     * a refusal of the checks answers the outcome and is audited DENIED. Unknown ids answer empty.
     */
    @Transactional
    public Optional<Outcome> reactivateWithNewEmployer(Officer officer, UUID memberId, NewEmployer form) {
        Optional<MemberProfile> found = members.profile(memberId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MemberProfile profile = found.get();
        LocalDate today = today();
        Outcome refused = refusal(profile, today);
        if (refused != null) {
            audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.DENIED, Map.of("why", refused.name()));
            return Optional.of(refused);
        }
        if (profile.category() != MemberCategory.PU) {
            throw new InvalidValue("reactivation.new-employer.pu-only");
        }
        requireEmploymentStatus(memberId, MemberField.EmploymentStatus.NEW_EMPLOYER, "reactivation.new-employer.status");
        Npp npp = Npp.parse(form.npp());
        LocalDate start = day(form.startDate(), "reactivation.new-employer.start.invalid");
        if (profile.lapsedOn() != null && !start.isAfter(profile.lapsedOn())) {
            throw new InvalidValue("reactivation.new-employer.start.before-lapse");
        }
        Rupiah wage = rupiah(form.wage(), "reactivation.new-employer.wage.invalid");
        if (employers.byNpp(npp).isEmpty()) {
            throw new InvalidValue("employment.employer.unknown");
        }
        // The employer module registers the employment and, the member being NON_ACTIVE, reactivates them from the first
        // day of work (reason NEW_EMPLOYMENT:<NPP>, by this officer) under its per-member lock, as when the employer
        // registers them itself; so the two paths at once take their locks in one order and one of them reactivates.
        StartedEmployment started = workforce.startEmployment(npp, memberId, start, wage, form.jobTitle(),
                officer.id(), officer.email(), officer.ipAddress());
        if (!started.memberReactivated()) {
            // Someone was faster between the check above and the lock (another officer, or the employer): nothing of
            // this request stays, the employment included; the faster path's own reactivation is audited.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.of(Outcome.ALREADY_ACTIVE);
        }
        long employment = started.employmentId();
        record(profile, start, "BRANCH", officer.id(), null, "PU", null, null);
        audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.SUCCESS, Map.of("newEmployer", npp.value(),
                "employment", Long.toString(employment), "start", start.toString()));
        return Optional.of(Outcome.REACTIVATED);
    }

    /**
     * A wage earner (PU) who now works informally is reactivated as BPU at the branch (RULES.md §1, §4): occupation,
     * place, a declared income within the bounds in force (the contribution module's rule) and JKK + JKM, with JHT
     * when chosen. In one transaction the member is ACTIVE again, moved to BPU with the change in the segment history,
     * enrolled from this month and billed for it at once, and pays as BPU from then on. Bad input is refused
     * (InvalidValue) with nothing changed; a refusal of the checks answers the outcome, audited DENIED.
     */
    @Transactional
    public Optional<Outcome> reactivateAsInformal(Officer officer, UUID memberId, NowInformal form) {
        Optional<MemberProfile> found = members.profile(memberId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MemberProfile profile = found.get();
        LocalDate today = today();
        Outcome refused = refusal(profile, today);
        if (refused != null) {
            audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.DENIED, Map.of("why", refused.name()));
            return Optional.of(refused);
        }
        if (profile.category() != MemberCategory.PU) {
            throw new InvalidValue("reactivation.informal.pu-only");
        }
        requireEmploymentStatus(memberId, MemberField.EmploymentStatus.INFORMAL, "reactivation.informal.status");
        Informal informal = informal(form, Period.of(today));
        if (!members.reactivate(memberId, today, officer.id(), officer.email(), BRANCH_INFORMAL)) {
            audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.DENIED,
                    Map.of("why", Outcome.ALREADY_ACTIVE.name()));
            return Optional.of(Outcome.ALREADY_ACTIVE);
        }
        Period from = enrolInformal(memberId, informal, today, BRANCH_INFORMAL, officer.id(), officer.email());
        record(profile, today, "BRANCH", officer.id(), from, "BPU", informal.occupation(), informal.location());
        audit(officer, "MEMBER_REACTIVATION", memberId, AuditOutcome.SUCCESS, Map.of("segment", "BPU",
                "enrolledFrom", from.toString(), "declaredIncome", Long.toString(informal.income().value()),
                "jht", Boolean.toString(form.withJht())));
        return Optional.of(Outcome.REACTIVATED);
    }

    /**
     * Online: a NON_ACTIVE wage earner (PU) who now works informally chooses to continue as BPU. They are moved to BPU
     * (segment history, by the platform at their request), enrolled from this month and billed for it; paying that
     * bill by virtual account reactivates them as any informal worker ({@link #reactivateOnline}). Refused
     * (InvalidValue) for bad input, for an active member and once chosen (the member is BPU then), nothing changed.
     */
    @Transactional
    public Period chooseInformalOnline(UUID memberId, UUID byAccountId, String byEmail, NowInformal form) {
        MemberProfile profile = nonActive(memberId);
        if (profile.category() != MemberCategory.PU) {
            throw new InvalidValue("reactivation.informal.pu-only");
        }
        LocalDate today = today();
        Informal informal = informal(form, Period.of(today));
        // Once per lapse: of two submissions at once the second waits on the key, then finds it taken and is refused
        // before changing anything; a later one finds the member BPU.
        int chosen = jdbc.sql("""
                        INSERT INTO reactivation.informal_choice (member_id, lapsed_on, occupation, location,
                                                                  declared_income, jht, chosen_at)
                        VALUES (:member, :lapsed, :occupation, :location, :income, :jht, :at)
                        ON CONFLICT DO NOTHING""")
                .param("member", memberId).param("lapsed", profile.lapsedOn() == null ? today : profile.lapsedOn())
                .param("occupation", informal.occupation())
                .param("location", informal.location()).param("income", informal.income().value())
                .param("jht", form.withJht()).param("at", Timestamp.from(clock.instant())).update();
        if (chosen == 0) {
            throw new InvalidValue("reactivation.informal.pu-only");
        }
        Period from = enrolInformal(memberId, informal, today, ONLINE_INFORMAL, null, null);
        audit.record(new AuditEntry(byAccountId, byEmail, "MEMBER_INFORMAL_CHOSEN", "MEMBER",
                memberId.toString(), null, AuditOutcome.SUCCESS, Map.of("enrolledFrom", from.toString(),
                "declaredIncome", Long.toString(informal.income().value()), "jht", Boolean.toString(form.withJht()))));
        return from;
    }

    /** A checked "now informal" form: the income within the bounds in force for the month, the programs chosen. */
    private record Informal(String occupation, String location, Rupiah income, Set<Program> programs,
                            boolean withJht) {
    }

    private Informal informal(NowInformal form, Period month) {
        String occupation = text(form.occupation(), "reactivation.informal.occupation");
        String location = text(form.location(), "reactivation.informal.location");
        Rupiah income = rupiah(form.declaredIncome(), "reactivation.informal.income.invalid");
        Set<Program> programs = EnumSet.of(Program.JKK, Program.JKM);
        if (form.withJht()) {
            programs.add(Program.JHT);
        }
        contributions.informal(month, income, programs); // refuses an income outside the bounds, with them
        return new Informal(occupation, location, income, programs, form.withJht());
    }

    /** Moves the member to BPU, enrols them from this month and issues this month's bill; answers the month. */
    private Period enrolInformal(UUID memberId, Informal informal, LocalDate today, String reason, UUID by,
                                 String actor) {
        if (!members.changeCategory(memberId, MemberCategory.BPU, informal.withJht(), informal.income(), today, reason,
                by, actor)) {
            throw new InvalidValue("reactivation.informal.pu-only");
        }
        Period from = Period.of(today);
        informalWorkers.enrol(memberId, informal.income(), informal.programs(), from);
        billing.billMember(memberId, from);
        return from;
    }

    private void requireEmploymentStatus(UUID memberId, MemberField.EmploymentStatus expected, String refusal) {
        DetailChange status = current(members.detailHistory(memberId)).get(MemberField.EMPLOYMENT_STATUS);
        if (status == null || !expected.name().equals(status.value())) {
            throw new InvalidValue(refusal);
        }
    }

    /** A whole-rupiah amount as typed: digits, optionally grouped by dots (1.500.000), optionally after "Rp". */
    static Rupiah rupiah(String typed, String refusal) {
        String text = typed == null ? "" : typed.strip().replaceFirst("^(?i)rp\\.?\\s*", "");
        if (!text.matches("[0-9]{1,12}|[0-9]{1,3}(\\.[0-9]{3}){1,3}")) {
            throw new InvalidValue(refusal);
        }
        Rupiah amount = Rupiah.of(Long.parseLong(text.replace(".", "")));
        if (amount.isZero()) {
            throw new InvalidValue(refusal);
        }
        return amount;
    }

    private static String text(String typed, String refusal) {
        try {
            return Text.required(typed, 100);
        } catch (InvalidValue e) {
            throw new InvalidValue(refusal);
        }
    }

    private static LocalDate day(String typed, String refusal) {
        try {
            return date(typed);
        } catch (InvalidValue e) {
            throw new InvalidValue(refusal);
        }
    }

    /**
     * Online (BPU): a NON_ACTIVE informal worker whose arrears as of {@code paidOn} are settled is ACTIVE again and
     * billed again. Answers whether this call reactivated them.
     */
    @Transactional
    public boolean reactivateOnline(UUID memberId, LocalDate paidOn) {
        Optional<MemberProfile> found = members.profile(memberId);
        if (found.isEmpty() || found.get().member().status() != MemberStatus.NON_ACTIVE
                || found.get().category() != MemberCategory.BPU
                || !bills.arrears(Payer.member(memberId), paidOn).bills().isEmpty()) {
            return false;
        }
        MemberProfile profile = found.get();
        if (!members.reactivate(memberId, paidOn, null, null, "ONLINE_ARREARS_SETTLED")) {
            return false;
        }
        Period enrolled = reenrol(profile, paidOn);
        record(profile, paidOn, "ONLINE", null, enrolled, null, null, null);
        audit.record(new AuditEntry(null, "system", "MEMBER_REACTIVATION", "MEMBER", memberId.toString(), null,
                AuditOutcome.SUCCESS, Map.of("channel", "ONLINE")));
        return true;
    }

    /**
     * A BPU member is billed again (RULES.md §4: same KPJ, same declared income and programs) from the month of
     * reactivation; when they lapsed in that same month its bill was already issued and paid with the arrears, and
     * the billing run skips members who lapsed under the enrolment in force, so billing resumes with the next month.
     * Billed again from the month of reactivation, they owe it at once: the run of the 1st passed them by (they were
     * lapsed then), so that month's bill is issued now, in this transaction, as the run would have issued it.
     */
    private Period reenrol(MemberProfile profile, LocalDate on) {
        if (profile.category() != MemberCategory.BPU || profile.declaredIncome() == null) {
            return null;
        }
        Period from = Period.of(on);
        if (profile.lapsedOn() != null && !Period.of(profile.lapsedOn()).isBefore(from)) {
            from = Period.of(profile.lapsedOn()).next();
        }
        Set<Program> programs = EnumSet.noneOf(Program.class);
        profile.programs().forEach(name -> programs.add(Program.valueOf(name)));
        informalWorkers.enrol(profile.member().id(), profile.declaredIncome(), programs, from);
        if (from.equals(Period.of(on))) {
            billing.billMember(profile.member().id(), from);
        }
        return from;
    }

    /** One row per lapse; {@code segment} set when the member came back in another segment (or a new employment). */
    private void record(MemberProfile profile, LocalDate on, String channel, UUID by, Period enrolled, String segment,
                        String occupation, String location) {
        jdbc.sql("""
                        INSERT INTO reactivation.reactivation (member_id, lapsed_on, reactivated_on, channel, by_account,
                                                               enrolled_from, segment, occupation, location, recorded_at)
                        VALUES (:member, :lapsed, :on, :channel, :by, :from, :segment, :occupation, :location, :at)
                        ON CONFLICT DO NOTHING""")
                .param("member", profile.member().id()).param("lapsed", profile.lapsedOn()).param("on", on)
                .param("channel", channel).param("by", by).param("from", enrolled == null ? null : enrolled.toString())
                .param("segment", segment).param("occupation", occupation).param("location", location)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private Readiness readiness(MemberProfile profile, Quote quote, Documents documents, List<DetailChange> details) {
        boolean nonActive = profile.member().status() == MemberStatus.NON_ACTIVE;
        return new Readiness(nonActive, quote.settled(), documents.complete(),
                nonActive && dataUpdatedSince(profile.lapsedOn(), details));
    }

    /** Every field the officer must check (RULES.md §4) was set at or after the lapse. */
    private static boolean dataUpdatedSince(LocalDate lapsedOn, List<DetailChange> details) {
        Map<MemberField, DetailChange> current = current(details);
        return current.size() == MemberField.values().length && current.values().stream()
                .allMatch(change -> !LocalDate.ofInstant(change.changedAt(), JAKARTA).isBefore(lapsedOn));
    }

    private static Map<MemberField, DetailChange> current(List<DetailChange> details) {
        Map<MemberField, DetailChange> current = new EnumMap<>(MemberField.class);
        details.forEach(change -> current.put(change.field(), change));
        return current;
    }

    private Documents documents(MemberProfile profile) {
        if (profile.lapsedOn() == null) {
            return Documents.NONE;
        }
        return jdbc.sql("SELECT ktp, kk, old_card FROM reactivation.documents WHERE member_id = :m AND lapsed_on = :l")
                .param("m", profile.member().id()).param("l", profile.lapsedOn())
                .query((rs, row) -> new Documents(rs.getBoolean("ktp"), rs.getBoolean("kk"), rs.getBoolean("old_card")))
                .optional().orElse(Documents.NONE);
    }

    private List<View> recentViews(UUID memberId) {
        return jdbc.sql("""
                        SELECT officer_email, viewed_at FROM reactivation.member_view WHERE member_id = :m
                         ORDER BY viewed_at DESC, id DESC LIMIT :n""")
                .param("m", memberId).param("n", RECENT_VIEWS)
                .query((rs, row) -> new View(rs.getString("officer_email"), rs.getTimestamp("viewed_at").toInstant()))
                .list();
    }

    private MemberProfile nonActive(UUID memberId) {
        MemberProfile profile = members.profile(memberId).orElseThrow(() -> new InvalidValue("member.not-found"));
        if (profile.member().status() != MemberStatus.NON_ACTIVE) {
            throw new InvalidValue("reactivation.not-non-active");
        }
        return profile;
    }

    private void audit(Officer officer, String action, UUID memberId, AuditOutcome outcome, Map<String, String> details) {
        audit.record(new AuditEntry(officer.id(), officer.email(), action, "MEMBER",
                memberId == null ? null : memberId.toString(), officer.ipAddress(), outcome, details));
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate date(String typed) {
        String value = typed == null ? "" : typed.strip();
        try {
            if (value.matches("[0-9]{2}/[0-9]{2}/[0-9]{4}")) {
                return LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("reactivation.search.birth-date.invalid");
        }
    }
}
