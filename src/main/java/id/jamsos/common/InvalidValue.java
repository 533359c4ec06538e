package id.jamsos.common;

import java.util.List;

/**
 * A value a person typed that breaks a rule. Carries the message key (in {@code messages_*.properties}) and its
 * arguments, so each screen can say what is wrong in the reader's language.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String messageKey;
    private final List<Object> arguments;

    public InvalidValue(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
