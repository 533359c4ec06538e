package id.jamsos.calendar;

import id.jamsos.common.WorkingDays;

/** What other modules ask of the calendar. */
public interface Calendar {

    /** Working days with every holiday in the table. */
    WorkingDays workingDays();
}
