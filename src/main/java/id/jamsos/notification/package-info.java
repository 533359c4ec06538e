/**
 * Messages to people: an outbox written in the same transaction as the business change, delivered by e-mail (SMTP)
 * with retries, rendered from templates in the recipient's language. Outside production a local mailbox page shows
 * what would have been sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package id.jamsos.notification;
