/**
 * Membership: the online activation application (the "Aktivasi" wizard, saved as a draft at every step), its
 * verification by officers, the KPJ number and the digital card, and the member's status through lapse and
 * reactivation. Personal identifiers are sealed with the platform's {@code PersonalData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Membership")
package id.jamsos.membership;
