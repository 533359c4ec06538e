/**
 * Employers (pemberi kerja): their NPP, JKK risk class and administrators, their workers' employments (joining and
 * leaving, "mutasi") and the monthly wage reports the contribution module bills from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Employer")
package id.jamsos.employer;
