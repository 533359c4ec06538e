package id.jamsos.membership.web;

/** Step 2 of the wizard as typed; never bound to a domain or table type. {@code jht} is "yes" when ticked. */
public class WorkForm {

    private String category;
    private String employerNpp;
    private String employerName;
    private String jobTitle;
    private String startDate;
    private String monthlyWage;
    private String occupation;
    private String workLocation;
    private String declaredIncome;
    private String jht;

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getEmployerNpp() {
        return employerNpp;
    }

    public void setEmployerNpp(String employerNpp) {
        this.employerNpp = employerNpp;
    }

    public String getEmployerName() {
        return employerName;
    }

    public void setEmployerName(String employerName) {
        this.employerName = employerName;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getMonthlyWage() {
        return monthlyWage;
    }

    public void setMonthlyWage(String monthlyWage) {
        this.monthlyWage = monthlyWage;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public String getWorkLocation() {
        return workLocation;
    }

    public void setWorkLocation(String workLocation) {
        this.workLocation = workLocation;
    }

    public String getDeclaredIncome() {
        return declaredIncome;
    }

    public void setDeclaredIncome(String declaredIncome) {
        this.declaredIncome = declaredIncome;
    }

    public String getJht() {
        return jht;
    }

    public void setJht(String jht) {
        this.jht = jht;
    }
}
