package id.jamsos.account;

/** What an account may do. Members register themselves; only an administrator creates the others. */
public enum Role {
    MEMBER,
    OFFICER,
    EMPLOYER_ADMIN,
    ADMIN;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
