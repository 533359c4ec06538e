/**
 * The append-only record of who did what to which record, from which address, with what outcome: sign-ins,
 * failures, throttling, password changes, and every officer action and read of personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package id.jamsos.audit;
