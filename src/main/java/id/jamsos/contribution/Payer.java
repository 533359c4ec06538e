package id.jamsos.contribution;

import java.util.Objects;
import java.util.UUID;

/**
 * Who a bill is addressed to: an employer (PU, the employer pays both shares and withholds the worker's) or an
 * informal worker (BPU, who pays everything). Exactly one of the two ids is set.
 */
public record Payer(Long employerId, UUID memberId) {

    public Payer {
        if ((employerId == null) == (memberId == null)) {
            throw new IllegalArgumentException("a payer is an employer or a member, not both or neither");
        }
    }

    public static Payer employer(long employerId) {
        return new Payer(employerId, null);
    }

    public static Payer member(UUID memberId) {
        return new Payer(null, Objects.requireNonNull(memberId));
    }

    public Category category() {
        return employerId != null ? Category.PU : Category.BPU;
    }
}
