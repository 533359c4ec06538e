package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.JhtBalances;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCards;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The KPJ cards the signed-in account may see: its own membership and the cards it linked (job changes), with each
 * card's JHT balance and their sum. The only way the ledger's pages and API find a card by KPJ, so a KPJ that is not
 * one of the account's own is never found, whether it belongs to somebody else or to nobody.
 */
@Component
public class OwnCards {

    /** {@code balance} is zero when the card has no JHT account yet. */
    public record Card(Member member, Rupiah balance, boolean own) {
    }

    public record Cards(List<Card> cards, Rupiah combined) {
        public boolean several() {
            return cards.size() > 1;
        }
    }

    private final MemberCards memberCards;
    private final JhtBalances balances;

    OwnCards(MemberCards memberCards, JhtBalances balances) {
        this.memberCards = memberCards;
        this.balances = balances;
    }

    public Cards of(UUID accountId) {
        List<Member> members = memberCards.cardsOf(accountId);
        Map<UUID, Rupiah> amounts = balances.balances(members.stream().map(Member::id).toList());
        Rupiah combined = Rupiah.ZERO;
        List<Card> cards = new java.util.ArrayList<>();
        for (Member member : members) {
            Rupiah balance = amounts.getOrDefault(member.id(), Rupiah.ZERO);
            combined = combined.plus(balance);
            cards.add(new Card(member, balance, accountId.equals(member.accountId())));
        }
        return new Cards(List.copyOf(cards), combined);
    }

    /** The account's card with this KPJ, or its own membership when {@code kpj} is null or blank. */
    public Optional<Member> card(UUID accountId, String kpj) {
        List<Member> members = memberCards.cardsOf(accountId);
        if (kpj == null || kpj.isBlank()) {
            return members.stream().filter(m -> accountId.equals(m.accountId())).findFirst();
        }
        String typed = kpj.strip();
        return members.stream().filter(m -> m.kpj().equals(typed)).findFirst();
    }

    /** The account's own membership (the first card), whose birth date all its cards share. */
    public Optional<Member> own(UUID accountId) {
        return card(accountId, null);
    }
}
