/**
 * Reactivation of a NON_ACTIVE membership (RULES.md §4): at a branch, where an officer finds the member, records the
 * documents brought and the data updated, quotes the arrears and reactivates once they are paid; and online, where an
 * informal worker (BPU) is active again as soon as a virtual-account payment settles their arrears. It orchestrates
 * membership, contributions, payments and employers; no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reactivation")
package id.jamsos.reactivation;
