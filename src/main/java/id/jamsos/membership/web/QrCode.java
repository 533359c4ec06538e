package id.jamsos.membership.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as inline SVG: crisp at any size, printable, and without any script or style attribute, so the
 * Content-Security-Policy stays strict. Medium error correction survives a scratched phone screen.
 */
final class QrCode {

    private QrCode() {
    }

    static String svg(String text, String label) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder svg = new StringBuilder()
                    .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 ")
                    .append(matrix.getWidth()).append(' ').append(matrix.getHeight())
                    .append("\" shape-rendering=\"crispEdges\"><title>")
                    .append(label.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"");
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code", e);
        }
    }
}
