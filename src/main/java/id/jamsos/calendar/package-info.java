/**
 * The working-day calendar: national holidays and joint leave days as data, and the {@code WorkingDays} built from
 * them for due dates and verification deadlines (RULES.md §9).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package id.jamsos.calendar;
