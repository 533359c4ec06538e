package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal entry before it is posted. It cannot be built unbalanced: Σ debits = Σ credits, at least two lines, every
 * amount positive (the database checks the same at commit).
 */
public record JournalEntry(Reason reason, LocalDate effectiveOn, String idempotencyKey, Long reverses,
                           Integer yieldYear, Long billId, List<Line> lines) {

    public enum Reason { CONTRIBUTION, YIELD, REVERSAL, ADJUSTMENT }

    public enum Side { D, C }

    /** What a member's JHT money is, so a balance explains itself line by line. */
    public enum Component { EMPLOYER, WORKER, YIELD, PENALTY }

    public record Line(long accountId, Side side, Rupiah amount, Component component) {
        public Line {
            Objects.requireNonNull(side);
            if (amount.value() <= 0) {
                throw new IllegalArgumentException("a journal line carries a positive amount, not " + amount.value());
            }
        }
    }

    public JournalEntry {
        Objects.requireNonNull(reason);
        Objects.requireNonNull(effectiveOn);
        Objects.requireNonNull(idempotencyKey);
        lines = List.copyOf(lines);
        if ((reason == Reason.REVERSAL) != (reverses != null)) {
            throw new IllegalArgumentException("a reversal, and only a reversal, names the entry it reverses");
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("a journal entry has at least two lines: " + idempotencyKey);
        }
        long debits = total(lines, Side.D);
        long credits = total(lines, Side.C);
        if (debits != credits) {
            throw new IllegalArgumentException("journal entry " + idempotencyKey + " does not balance: debits "
                    + debits + ", credits " + credits);
        }
    }

    public long total(Side side) {
        return total(lines, side);
    }

    private static long total(List<Line> lines, Side side) {
        long sum = 0;
        for (Line line : lines) {
            if (line.side() == side) {
                sum = Math.addExact(sum, line.amount().value());
            }
        }
        return sum;
    }

    /** The entry that undoes this one, line by line with the sides swapped. */
    public JournalEntry reversal(long originalId, LocalDate on) {
        List<Line> swapped = lines.stream().map(l -> new Line(l.accountId(), l.side() == Side.D ? Side.C : Side.D,
                l.amount(), l.component())).toList();
        return new JournalEntry(Reason.REVERSAL, on, "reversal:" + originalId, originalId, yieldYear, billId, swapped);
    }

    public static Builder builder(Reason reason, LocalDate effectiveOn, String idempotencyKey) {
        return new Builder(reason, effectiveOn, idempotencyKey);
    }

    /** Collects lines; zero amounts are left out, negative ones go on the other side. */
    public static final class Builder {
        private final Reason reason;
        private final LocalDate effectiveOn;
        private final String key;
        private Integer yieldYear;
        private Long billId;
        private final List<Line> lines = new ArrayList<>();

        private Builder(Reason reason, LocalDate effectiveOn, String key) {
            this.reason = reason;
            this.effectiveOn = effectiveOn;
            this.key = key;
        }

        public Builder yieldYear(int year) {
            this.yieldYear = year;
            return this;
        }

        public Builder bill(long id) {
            this.billId = id;
            return this;
        }

        public Builder debit(long account, Rupiah amount, Component component) {
            return line(account, Side.D, amount, component);
        }

        public Builder credit(long account, Rupiah amount, Component component) {
            return line(account, Side.C, amount, component);
        }

        private Builder line(long account, Side side, Rupiah amount, Component component) {
            if (amount.isNegative()) {
                lines.add(new Line(account, side == Side.D ? Side.C : Side.D, Rupiah.of(-amount.value()), component));
            } else if (!amount.isZero()) {
                lines.add(new Line(account, side, amount, component));
            }
            return this;
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(reason, effectiveOn, key, null, yieldYear, billId, lines);
        }
    }
}
