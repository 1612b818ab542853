#pragma once

#include "base/Result.h"
#include "demo/DemoLogin.h"
#include "demo/DemoSummary.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace casedesk {

// `casedesk-server demo` (DESIGN §4): seeds a data directory with the demo bank (core/demo: head office,
// branches, staff for every role) and a year of complaint work up to yesterday, and gives every demo
// user one password so people can log in from any seat. The password is random unless chosen, and is
// written with the logins to DATA/demo-logins.txt (mode 0600).
class DemoSeeder
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeeder)

public:
    struct Outcome
    {
        DemoSummary summary;
        QList<DemoLogin> logins;
        QString password;
        QString loginsFile;
    };

    // password empty: a random one. The server must not be running (one writer per directory).
    static Result<Outcome> seed(const QString &dataDir, QString password, quint32 seed);
};

} // namespace casedesk
