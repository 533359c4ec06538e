package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import id.jamsos.common.Kk;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.Nik;
import id.jamsos.common.PersonName;
import java.time.LocalDate;

/** Step 1 of the wizard, checked: who the applicant is, as on the KTP and KK, where they live and their phone. */
public record Identity(Nik nik, Kk kk, PersonName fullName, String birthPlace, LocalDate birthDate, Gender gender,
                       PersonName motherMaidenName, Address address, MobileNumber mobileNumber) {
}
