/**
 * Value types with rules and no Spring: e-mail addresses, Indonesian mobile numbers, times as Indonesian
 * offices write them, and (as the scheme grows)
 * money, rates, periods and the scheme's identifiers. Invalid input is refused with a message key a person can
 * read in their language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common")
package id.jamsos.common;
