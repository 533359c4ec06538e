/**
 * The frame around every page: layout, home page, language switch, error pages. No business logic: it shows who is
 * signed in (from the account module's API) and links to the modules' own pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package id.jamsos.web;
