package id.jamsos.platform;

import id.jamsos.common.InvalidValue;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/**
 * Turns a value refused by a value type ({@link id.jamsos.common.InvalidValue}) into a translated error tied to its
 * form field, for every module's forms.
 */
public final class FormFields {

    private FormFields() {
    }

    /** The parsed value, or null with the field marked when the value breaks its rule. */
    public static <T> T parse(BindingResult result, String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValue e) {
            result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            return null;
        }
    }

    public static void reject(BindingResult result, String field, InvalidValue e) {
        result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
    }
}
