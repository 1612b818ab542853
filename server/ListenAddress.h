#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace casedesk {

// An address to listen on as operators write it: "127.0.0.1:8640", "[::1]:8640", "0.0.0.0:8640" or
// ":8640" (every interface). Port 0 asks for any free port (tests).
struct ListenAddress
{
    Q_DECLARE_TR_FUNCTIONS(ListenAddress)

public:
    QHostAddress host;
    quint16 port = 0;

    static Result<ListenAddress> parse(const QString &text);
};

} // namespace casedesk
