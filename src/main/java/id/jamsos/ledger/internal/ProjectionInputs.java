package id.jamsos.ledger.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.ledger.JhtBalances;
import id.jamsos.ledger.internal.JhtProjection.LatestWage;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberProfile;
import id.jamsos.membership.Members;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a JHT projection of one card starts from, for the page and the API alike: the yield typed (or the default
 * assumption), the wage typed (or the latest the card's bills used), the segment of the card's latest contribution
 * (else the membership's) and the birth date of the account's own membership (all of a person's cards share it).
 */
@Component
public class ProjectionInputs {

    /** The inputs checked; {@code errors} holds the message keys of what was refused or is missing. */
    public record Inputs(Rate yield, Rupiah wage, Category category, LocalDate birthDate, List<String> errors) {
    }

    private final OwnCards cards;
    private final Members members;
    private final JhtBalances balances;
    private final JhtProjection projection;

    ProjectionInputs(OwnCards cards, Members members, JhtBalances balances, JhtProjection projection) {
        this.cards = cards;
        this.members = members;
        this.balances = balances;
        this.projection = projection;
    }

    public Inputs of(UUID accountId, Member card, String yield, String wage, JhtProjection.Assumption assumption) {
        List<String> errors = new ArrayList<>();
        Rate rate = assumption.yield();
        if (yield != null) {
            try {
                rate = JhtProjection.parseYield(yield);
            } catch (InvalidValue e) {
                errors.add(e.messageKey());
            }
        }
        Optional<LatestWage> latest = projection.latestWage(card.id());
        Rupiah monthly = latest.map(LatestWage::wage).orElse(null);
        if (wage != null && !wage.isBlank()) {
            try {
                monthly = Rupiah.parse(wage);
                if (monthly.isZero() || monthly.value() > JhtProjection.MAX_WAGE) {
                    throw new InvalidValue("jht.projection.wage-invalid");
                }
            } catch (InvalidValue e) {
                monthly = null;
                errors.add("jht.projection.wage-invalid");
            }
        } else if (monthly == null) {
            errors.add("jht.projection.wage-missing");
        }
        Optional<MemberProfile> profile = cards.own(accountId).flatMap(own -> members.profile(own.id()));
        LocalDate born = profile.map(MemberProfile::birthDate).orElse(null);
        if (born == null) {
            errors.add("jht.projection.birth-date-unknown");
        }
        Category category = latest.map(LatestWage::category).orElseGet(() -> profile.map(MemberProfile::category)
                .filter(c -> c == MemberCategory.BPU).map(c -> Category.BPU).orElse(Category.PU));
        return new Inputs(rate, monthly, category, born, errors);
    }

    /** The projection of inputs without errors, from the card's balance today. */
    public JhtProjection.Projection project(Member card, Inputs inputs, LocalDate today) {
        Rupiah balance = balances.balance(card.id()).orElse(Rupiah.ZERO);
        return projection.project(projection.basis(balance, inputs.wage(), inputs.category(), inputs.birthDate(),
                today), inputs.yield());
    }
}
