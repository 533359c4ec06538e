/**
 * Contributions (iuran): the effective-dated rate tables with their legal basis, the calculation of wage-earner (PU)
 * and informal-worker (BPU) contributions, due dates and late penalties, bills, arrears and the public simulators
 * (RULES.md §1–§4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contribution")
package id.jamsos.contribution;
