/**
 * Runtime plumbing with no business logic: where the database comes from (embedded PostgreSQL for a newcomer,
 * a configured server in production), the secrets the platform needs, and clear one-line failures at start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package id.jamsos.platform;
