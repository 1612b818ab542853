#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QSslConfiguration>

namespace casedesk {

// The server's TLS identity (DESIGN §7, `serve --tls-cert F --tls-key F`): a PEM certificate chain and
// its PEM private key (RSA or EC), as a server-side QSslConfiguration allowing TLS 1.2 and later.
class TlsCredentials
{
    Q_DECLARE_TR_FUNCTIONS(TlsCredentials)

public:
    static Result<QSslConfiguration> load(const QString &certificateFile, const QString &keyFile);
};

} // namespace casedesk
