package id.jamsos.common;

import java.math.BigDecimal;

/**
 * A percentage as the regulations state it, held in basis points (1 bp = 0.01 %), so 3.70 % is 370. Rates of the
 * scheme have at most two decimals of a percent; holding them as integers keeps every computation exact.
 */
public record Rate(int basisPoints) {

    public Rate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new InvalidValue("validation.rate.range");
        }
    }

    public static Rate basisPoints(int basisPoints) {
        return new Rate(basisPoints);
    }

    /** A typed percentage such as {@code 3.70} or {@code 3,7}: at most two decimals, 0–100. */
    public static Rate parsePercent(String typed) {
        String text = Text.required(typed, 10).replace(',', '.').replace("%", "").strip();
        if (!text.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            throw new InvalidValue("validation.rate.format");
        }
        return new Rate(new BigDecimal(text).movePointRight(2).intValueExact());
    }

    /** {@code 3,70%} in Indonesian, {@code 3.70%} in English. */
    public String percent(java.util.Locale locale) {
        String text = new BigDecimal(basisPoints).movePointLeft(2).setScale(2).toPlainString();
        return ("en".equals(locale.getLanguage()) ? text : text.replace('.', ',')) + "%";
    }

    @Override
    public String toString() {
        return basisPoints + " bp";
    }
}
