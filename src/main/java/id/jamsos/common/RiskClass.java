package id.jamsos.common;

/**
 * An employer's JKK risk class, 1 (very low, e.g. offices) to 5 (very high, e.g. mining) — PP 44/2015 annex I. The
 * rate of each class is data (contribution module), not part of this type.
 */
public record RiskClass(int value) {

    public RiskClass {
        if (value < 1 || value > 5) {
            throw new InvalidValue("validation.risk-class.range");
        }
    }

    public static RiskClass of(int value) {
        return new RiskClass(value);
    }

    public static RiskClass parse(String typed) {
        String text = Text.required(typed, 5);
        if (!text.matches("[0-9]")) {
            throw new InvalidValue("validation.risk-class.range");
        }
        return new RiskClass(Integer.parseInt(text));
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
