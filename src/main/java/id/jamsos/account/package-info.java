/**
 * Accounts of people who use Jamsos: registration, e-mail verification, sign-in with throttling and a proof-of-work
 * challenge, password reset and change, roles (member, officer, employer administrator, administrator).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package id.jamsos.account;
