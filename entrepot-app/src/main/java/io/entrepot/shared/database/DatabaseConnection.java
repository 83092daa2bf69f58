package io.entrepot.shared.database;

/**
 * Where the platform's database is and the two roles it uses: the owner runs migrations, the app role
 * (not owner, no BYPASSRLS) serves requests.
 */
record DatabaseConnection(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    @Override
    public String toString() {
        return "DatabaseConnection[" + url + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
