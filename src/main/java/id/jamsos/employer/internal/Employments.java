package id.jamsos.employer.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.PersonName;
import id.jamsos.common.Rupiah;
import id.jamsos.common.Text;
import id.jamsos.employer.EmploymentEnded;
import id.jamsos.employer.EmploymentStarted;
import id.jamsos.employer.StartedEmployment;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workers joining and leaving an employer (mutasi), always within the signed-in administrator's employer. */
@Service
public class Employments {

    /** One employment as the employer's pages show it. */
    public record Employment(long id, long employerId, UUID memberId, String kpj, LocalDate startDate,
                             LocalDate endDate, Rupiah joiningWage, String jobTitle) {

        public boolean activeOn(LocalDate day) {
            return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
        }
    }

    public static final int PAGE_SIZE = 50;
    /** A worker may be registered ahead of the first day of work, but not by more than this. */
    static final int MONTHS_AHEAD = 3;
    /** The status history's reason when an employment ends a lapse; the employer's NPP follows a colon. */
    public static final String REACTIVATED_BY_EMPLOYMENT = "NEW_EMPLOYMENT";
    private static final String COLUMNS = "id, employer_id, member_id, kpj, start_date, end_date, joining_wage_rupiah, job_title";

    private final JdbcClient jdbc;
    private final Members members;
    private final WageSettings settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Employments(JdbcClient jdbc, Members members, WageSettings settings, ApplicationEventPublisher events,
                AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A known member, typed as a KPJ (11 digits) or a NIK (16 digits). */
    public Optional<Member> member(String kpjOrNik) {
        String digits = kpjOrNik == null ? "" : kpjOrNik.replaceAll("[\\s.-]", "");
        if (digits.length() == 16) {
            return members.byNik(Nik.parse(digits, JakartaTime.today(clock)));
        }
        return members.byKpj(Kpj.parse(digits));
    }

    @Transactional
    public long join(Actor actor, long employerId, String kpjOrNik, String startDate, String wage, String jobTitle) {
        return join(actor, employerId, kpjOrNik, startDate, wage, jobTitle, null, null);
    }

    /**
     * Registers a worker by KPJ or NIK. A NIK nobody holds a card for is a new worker (pendaftaran tenaga kerja baru)
     * when the full name and date of birth come with it: the date must be the one the NIK encodes, and membership
     * issues a card of origin EMPLOYER (see {@link Members#registerForEmployer}). All in one transaction: a refused
     * employment keeps no card.
     */
    @Transactional
    public long join(Actor actor, long employerId, String kpjOrNik, String startDate, String wage, String jobTitle,
                     String fullName, String birthDate) {
        Optional<Member> known = member(kpjOrNik);
        LocalDate start = date(startDate);
        Member member;
        if (known.isPresent()) {
            member = known.get();
        } else {
            String digits = kpjOrNik == null ? "" : kpjOrNik.replaceAll("[\\s.-]", "");
            if (digits.length() != 16 || fullName == null || fullName.isBlank()) {
                throw new InvalidValue(digits.length() == 16 ? "employment.member.new-needs-name"
                        : "employment.member.unknown");
            }
            LocalDate today = JakartaTime.today(clock);
            Nik nik = Nik.parse(digits, today);
            PersonName name = PersonName.parse(fullName);
            LocalDate born = birthDate(birthDate);
            if (!nik.birthDate(today).equals(born)) {
                throw new InvalidValue("validation.nik.birth-date");
            }
            member = members.registerForEmployer(nik, name, born, start);
            audit.record(new AuditEntry(actor.accountId(), actor.email(), "WORKER_REGISTERED", "MEMBER",
                    member.id().toString(), actor.ipAddress(), AuditOutcome.SUCCESS,
                    Map.of("employer", Long.toString(employerId), "nik", nik.masked(), "kpj", member.kpj())));
        }
        return start(actor, employerId, member.id(), start, settings.parse(wage), jobTitle).employmentId();
    }

    private static LocalDate birthDate(String typed) {
        try {
            return LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValue("employment.birth-date.format");
        }
    }

    /**
     * Registers the member as the employer's worker from {@code start} at {@code wage} (mutasi masuk). A NON_ACTIVE
     * member is ACTIVE again from {@code start} (RULES.md §4: ACTIVE while employed by a registered employer), with
     * "new employment at NPP" in the status history and {@code MemberReactivated} published, by whoever registered
     * the employment; a lapsed informal worker becomes a wage earner (PU) then, with the change in the segment
     * history. All in the caller's transaction or one of its own. Refused (InvalidValue) when the start is more than
     * {@link #MONTHS_AHEAD} months away, the wage implausible, the title empty or the employment overlaps another at
     * this employer.
     */
    @Transactional
    public StartedEmployment start(Actor actor, long employerId, UUID memberId, LocalDate start, Rupiah wage,
                                   String jobTitle) {
        lockMember(memberId);
        Member member = members.byId(memberId).orElseThrow(() -> new InvalidValue("employment.member.unknown"));
        if (start.isAfter(JakartaTime.today(clock).plusMonths(MONTHS_AHEAD))) {
            throw new InvalidValue("employment.start.too-late", MONTHS_AHEAD);
        }
        Rupiah joiningWage = settings.plausible(wage);
        String title = Text.required(jobTitle, 100);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                             job_title, created_at)
                            VALUES (:employer, :member, :kpj, :start, :wage, :title, :at) RETURNING id""")
                    .param("employer", employerId).param("member", member.id()).param("kpj", member.kpj())
                    .param("start", start).param("wage", joiningWage.value()).param("title", title)
                    .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            // employment_no_overlap: the member already works here on or after that day.
            throw new InvalidValue("employment.overlap");
        }
        events.publishEvent(new EmploymentStarted(id, employerId, member.id(), start));
        boolean reactivated = member.status() == MemberStatus.NON_ACTIVE
                && reactivate(actor, employerId, member.id(), start);
        audit.record(new AuditEntry(actor.accountId(), actor.email(), "EMPLOYMENT_STARTED", "EMPLOYMENT",
                Long.toString(id), actor.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("employer", Long.toString(employerId), "member", member.id().toString(), "start", start.toString(),
                        "membershipReactivated", Boolean.toString(reactivated))));
        return new StartedEmployment(id, reactivated);
    }

    /** The lapsed member is employed again: ACTIVE from the start, as a wage earner. */
    private boolean reactivate(Actor actor, long employerId, UUID memberId, LocalDate start) {
        String npp = jdbc.sql("SELECT npp FROM employer.employer WHERE id = :id").param("id", employerId)
                .query(String.class).single();
        String reason = REACTIVATED_BY_EMPLOYMENT + ":" + npp;
        members.profile(memberId).filter(p -> p.category() == MemberCategory.BPU).ifPresent(p ->
                members.changeCategory(memberId, MemberCategory.PU, true, null, start, reason, actor.accountId(),
                        actor.email()));
        return members.reactivate(memberId, start, actor.accountId(), actor.email(), reason);
    }

    /**
     * The worker left on {@code endDate} (the last day worked). With no other employment going on after that day,
     * the membership lapses (RULES.md §4: NON_ACTIVE when the employer reports the worker left and no other is active).
     */
    @Transactional
    public void leave(Actor actor, long employerId, long employmentId, String endDate) {
        LocalDate end = date(endDate);
        Employment employment = find(employerId, employmentId).orElseThrow(() -> new InvalidValue("employment.not-found"));
        lockMember(employment.memberId());
        employment = find(employerId, employmentId).orElseThrow(() -> new InvalidValue("employment.not-found"));
        if (employment.endDate() != null) {
            throw new InvalidValue("employment.already-ended");
        }
        if (end.isAfter(JakartaTime.today(clock))) {
            throw new InvalidValue("employment.end.future");
        }
        if (end.isBefore(employment.startDate())) {
            throw new InvalidValue("employment.end.before-start");
        }
        jdbc.sql("UPDATE employer.employment SET end_date = :end, ended_at = :at WHERE id = :id AND end_date IS NULL")
                .param("end", end).param("at", Timestamp.from(clock.instant())).param("id", employmentId).update();
        boolean otherActive = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM employer.employment
                                        WHERE member_id = :member AND id <> :id AND (end_date IS NULL OR end_date > :end))""")
                .param("member", employment.memberId()).param("id", employmentId).param("end", end)
                .query(Boolean.class).single();
        events.publishEvent(new EmploymentEnded(employmentId, employerId, employment.memberId(), end, otherActive));
        boolean lapsed = !otherActive && members.lapse(employment.memberId(), LapseReason.EMPLOYMENT_ENDED, end);
        audit.record(new AuditEntry(actor.accountId(), actor.email(), "EMPLOYMENT_ENDED", "EMPLOYMENT",
                Long.toString(employmentId), actor.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("employer", Long.toString(employerId), "end", end.toString(), "membershipLapsed",
                        Boolean.toString(lapsed))));
    }

    /**
     * Joining and leaving of one member happen one at a time (the lock lasts until commit): two employers reporting
     * the member's last two jobs ended at the same moment must not each see the other job still going, and nobody
     * lapses while a new job is being registered.
     */
    private void lockMember(UUID memberId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", memberId.getMostSignificantBits() ^ memberId.getLeastSignificantBits())
                .query((rs, row) -> null).list();
    }

    /** Only an employment of this employer: another employer's id is as unknown as a missing one. */
    public Optional<Employment> find(long employerId, long employmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM employer.employment WHERE id = :id AND employer_id = :employer")
                .param("id", employmentId).param("employer", employerId).query(Employments::employment).optional();
    }

    /** A page of the employer's workers, those still employed first, then by start date. */
    public List<Employment> page(long employerId, int page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM employer.employment WHERE employer_id = :employer"
                        + " ORDER BY end_date IS NOT NULL, start_date DESC, id DESC LIMIT :size OFFSET :offset")
                .param("employer", employerId).param("size", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query(Employments::employment).list();
    }

    /** Employments of the employer active on any day of the period: the workers a wage report may name. */
    public List<Employment> activeIn(long employerId, id.jamsos.common.Period period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM employer.employment WHERE employer_id = :employer"
                        + " AND start_date <= :last AND (end_date IS NULL OR end_date >= :first) ORDER BY kpj, start_date")
                .param("employer", employerId).param("first", period.firstDay()).param("last", period.lastDay())
                .query(Employments::employment).list();
    }

    static LocalDate date(String typed) {
        try {
            return LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValue("employment.date.format");
        }
    }

    private static Employment employment(ResultSet rs, int row) throws SQLException {
        return new Employment(rs.getLong("id"), rs.getLong("employer_id"), rs.getObject("member_id", UUID.class),
                rs.getString("kpj"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), Rupiah.of(rs.getLong("joining_wage_rupiah")),
                rs.getString("job_title"));
    }
}
