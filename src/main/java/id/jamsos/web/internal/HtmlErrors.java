package id.jamsos.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Sends browsers to the error pages. With problem details switched on (for the API), Spring MVC answers these
 * exceptions with an RFC 9457 JSON body, which a person on a phone would see as raw text. When the client asks for
 * HTML, hand the status to the servlet container instead: it forwards to {@code /error}, which renders
 * {@code error/<status>.html} inside the layout in the visitor's language. API clients still get problem details.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlErrors {

    @ExceptionHandler(produces = MediaType.TEXT_HTML_VALUE, value = {NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            ServletRequestBindingException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class})
    void toErrorPage(Exception exception, HttpServletResponse response) throws IOException {
        if (exception instanceof ErrorResponse error) {
            // Keep headers such as Allow on a 405.
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.sendError(error.getStatusCode().value());
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }
}
