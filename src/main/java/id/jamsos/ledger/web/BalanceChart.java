package id.jamsos.ledger.web;

import id.jamsos.ledger.internal.MemberLedger.ChartPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The balance over time as coordinates for an inline SVG (server-rendered, no script, no inline style): a line with
 * a marker at every month end, so it reads without colour; the same numbers are in the table beside it.
 */
record BalanceChart(int width, int height, String line, List<Marker> markers, List<Tick> yTicks, List<Tick> xTicks) {

    /*
     * Coordinates close to a phone's width in CSS pixels (the SVG scales to its box, its labels with it): on a 360-px
     * phone the 12-unit labels show at about 10 px; the stylesheet caps the chart's width on a desktop.
     */
    static final int WIDTH = 400;
    static final int HEIGHT = 220;
    private static final int LEFT = 84;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    record Marker(int x, int y, String label) {
    }

    record Tick(int position, String label) {
    }

    static BalanceChart of(List<ChartPoint> points) {
        long max = 1;
        for (ChartPoint point : points) {
            max = Math.max(max, point.balance().value());
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int steps = Math.max(1, points.size() - 1);
        List<Marker> markers = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ChartPoint point = points.get(i);
            int x = LEFT + (int) ((long) plotWidth * i / steps);
            int y = TOP + plotHeight - (int) (plotHeight * Math.max(0, point.balance().value()) / max);
            markers.add(new Marker(x, y, point.month() + ": " + point.balance().formatted()));
            line.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            boolean last = i == points.size() - 1;
            // Every sixth month and the last; a sixth month too close to the last gives way to it.
            if (last || i % 6 == 0 && points.size() - 1 - i >= 4) {
                xTicks.add(new Tick(x, point.month().month().getMonthValue() + "/" + point.month().month().getYear()));
            }
        }
        List<Tick> yTicks = List.of(
                new Tick(TOP + plotHeight, id.jamsos.common.Rupiah.ZERO.formatted()),
                new Tick(TOP + plotHeight / 2, id.jamsos.common.Rupiah.of(max / 2).formatted()),
                new Tick(TOP, id.jamsos.common.Rupiah.of(max).formatted()));
        return new BalanceChart(WIDTH, HEIGHT, line.toString(), markers, yTicks, xTicks);
    }

    public int left() {
        return LEFT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public int right() {
        return WIDTH - RIGHT;
    }
}
