package id.jamsos.account.web;

import id.jamsos.common.InvalidValue;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/** Turns a refused value into a translated error tied to its form field. */
final class Fields {

    private Fields() {
    }

    /** The parsed value, or null with the field marked when the value breaks its rule. */
    static <T> T parse(BindingResult result, String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValue e) {
            result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
            return null;
        }
    }

    static void reject(BindingResult result, String field, InvalidValue e) {
        result.rejectValue(field, e.messageKey(), e.arguments(), e.messageKey());
    }
}
