package com.wallet.launcher;

/** The two secrets every service starts with. Its text never shows them. */
record LocalSecrets(String encryptionKey, String jwtSecret) {

    @Override
    public String toString() {
        return "LocalSecrets[ENCRYPTION_SECRET_KEY=***, JWT_SECRET=***]";
    }
}
