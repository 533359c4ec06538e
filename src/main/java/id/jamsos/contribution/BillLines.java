package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * What a bill carried per worker: the ledger posts each worker's JHT shares into their own account and records their
 * JP months from it ({@link BillSettled} carries only the bill's totals).
 */
public interface BillLines {

    /**
     * One worker's share of one program owed by one party on a bill, and the wage it was computed from (the reported
     * wage of a wage earner, the declared income of an informal worker; null on lines issued before it was recorded).
     */
    record WorkerShare(UUID memberId, Program program, Party party, Rupiah amount, Rupiah wage) {
    }

    /** The bill's contribution lines per worker (penalties and adjustments carry no worker and are not here). */
    List<WorkerShare> lines(long billId);

    /** A bill to read, with its month (the lines are kept by month, so only that month's are looked at). */
    record BillOfMonth(long billId, Period period) {
    }

    /**
     * The contribution lines per worker of the bills given, as {@link #lines(long)}, read together a few bills at a
     * time: whole bills only, in the order of their ids, about {@code mostLines} lines at most (more only when the
     * first bill alone has more). Answers the bills read, by id, each with its lines (none for a bill without any);
     * the bills given and not in the answer are for the next call.
     */
    SortedMap<Long, List<WorkerShare>> lines(Collection<BillOfMonth> bills, int mostLines);

    /**
     * One worker's contribution (every program, both parties) on each of the bills given, summed in the database; a
     * bill without a line of theirs is absent. At most {@link #MAX_BILLS} bills at once.
     */
    Map<Long, Rupiah> workerContributions(UUID memberId, Collection<Long> billIds);

    int MAX_BILLS = 100;
}
