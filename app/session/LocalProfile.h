#pragma once

#include "base/Result.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace casedesk {

// What a user's local folder remembers about its owner between sessions (profile.json beside the
// store): the device identity registered with the server, the device code for offline case numbers
// (DESIGN §6), the user as last seen, and a password verifier (an Argon2id hash, never the password)
// so the counter can start with the link down once this password was verified online (issue 4 §1).
struct LocalProfile
{
    Q_DECLARE_TR_FUNCTIONS(LocalProfile)

public:
    QString server; // base URL the folder belongs to
    QString deviceId; // UUID this store registers under at login
    QString deviceCode; // the server's code for that device (empty before the first login)
    QString rulesProfile = QStringLiteral("bank");
    User user;
    QString passwordVerifier;
    QDateTime verifiedAt;

    bool knowsUser() const { return !user.id.isEmpty() && !deviceCode.isEmpty() && !passwordVerifier.isEmpty(); }

    static QString fileName() { return QStringLiteral("profile.json"); }
    // A missing file is an empty profile with a fresh device id; a broken one is an error.
    static Result<LocalProfile> load(const QString &directory);
    // Written atomically and readable by the owner only: it holds the password verifier.
    Status save(const QString &directory) const;
};

} // namespace casedesk
