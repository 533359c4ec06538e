package id.jamsos.payment.web;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import id.jamsos.common.Rupiah;
import id.jamsos.payment.internal.CustomerNumber;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** What officers type at the branch, checked before anything is recorded; each refusal names a message key. */
final class BranchForms {

    private BranchForms() {
    }

    /**
     * An NPP (8 digits), a KPJ (11 digits with its check digit) or a customer number (1 + NPP, 2 + KPJ); spaces, dots
     * and dashes allowed between digits.
     */
    static String customerNumber(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s.-]", "");
        if (digits.isEmpty() || digits.length() > 20 || !digits.matches("[0-9]+")) {
            throw new InvalidValue("payment.search.invalid");
        }
        try {
            return switch (digits.length()) {
                case 8 -> CustomerNumber.of(new Npp(digits));
                case 11 -> CustomerNumber.of(new Kpj(digits));
                case 9 -> digits.startsWith("1") ? CustomerNumber.of(new Npp(digits.substring(1))) : refused();
                case 12 -> digits.startsWith("2") ? CustomerNumber.of(new Kpj(digits.substring(1))) : refused();
                default -> refused();
            };
        } catch (InvalidValue e) {
            throw new InvalidValue("payment.search.invalid");
        }
    }

    private static String refused() {
        throw new InvalidValue("payment.search.invalid");
    }

    /** A positive amount in whole rupiah (dots as thousands separators allowed), at most Rp 100.000.000.000. */
    static Rupiah amount(String typed) {
        Rupiah amount;
        try {
            amount = Rupiah.parse(typed);
        } catch (InvalidValue e) {
            throw new InvalidValue("payment.amount.invalid");
        }
        if (amount.isZero() || amount.isGreaterThan(Rupiah.of(100_000_000_000L))) {
            throw new InvalidValue("payment.amount.invalid");
        }
        return amount;
    }

    /** A counted amount may be zero (an empty drawer). */
    static Rupiah counted(String typed) {
        try {
            Rupiah amount = Rupiah.parse(typed);
            if (amount.isGreaterThan(Rupiah.of(100_000_000_000L))) {
                throw new InvalidValue("payment.counted.invalid");
            }
            return amount;
        } catch (InvalidValue e) {
            throw new InvalidValue("payment.counted.invalid");
        }
    }

    /** The form token a page hands out, so a second click on the same form records nothing more. */
    static String token(String typed) {
        try {
            return UUID.fromString(typed == null ? "" : typed.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("payment.token.invalid");
        }
    }

    static String bank(String typed) {
        String bank = typed == null ? "" : typed.strip();
        if (bank.isEmpty() || bank.length() > 100 || !bank.matches("[\\p{L}\\p{N} .&()-]+")) {
            throw new InvalidValue("payment.bank.invalid");
        }
        return bank;
    }

    static String bankReference(String typed) {
        String reference = typed == null ? "" : typed.strip();
        if (reference.isEmpty() || reference.length() > 64 || !reference.matches("[A-Za-z0-9/_.-]+")) {
            throw new InvalidValue("payment.bank-reference.invalid");
        }
        return reference;
    }

    /** The day a transfer reached the bank account: a real day, not in the future, not before the scheme (2015). */
    static LocalDate day(String typed, LocalDate today) {
        try {
            LocalDate day = LocalDate.parse(typed == null ? "" : typed.strip());
            if (day.isAfter(today) || day.getYear() < 2015) {
                throw new InvalidValue("payment.day.invalid");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new InvalidValue("payment.day.invalid");
        }
    }

    static String text(String typed, String key) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidValue(key);
        }
        return text;
    }
}
