package id.jamsos.employer.internal;

/**
 * One line of a wage file as typed, before any check: its line number in the file (the header is line 1), the KPJ
 * or NIK, the name and the monthly wage, and how many cells it had (a line must have exactly three).
 */
record RawLine(int number, String identifier, String name, String wage, int cells) {
}
