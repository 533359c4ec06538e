/**
 * The JHT ledger (RULES.md §5): a double-entry journal of every rupiah received for the programs, each member's JHT
 * account with its cached balance, the yearly yield (hasil pengembangan) and what the member sees of it. Listens to
 * {@code MemberActivated} (opens the JHT account) and {@code BillSettled} (posts the bill's shares).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package id.jamsos.ledger;
