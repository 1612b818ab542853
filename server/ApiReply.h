#pragma once

#include "base/Error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace casedesk {

// One HTTP answer of the API (DESIGN §5): a status, a JSON (or text) body and extra headers. Errors are
// always {"error": {code, message, details}} with the status the error's code calls for.
class ApiReply
{
public:
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    QString errorCode; // for logs and metrics; empty on success

    static ApiReply json(const QJsonObject &object, int status = 200);
    static ApiReply error(const Error &error); // status from statusFor(error.code)
    static ApiReply error(int status, const Error &error);
    static ApiReply text(const QByteArray &body, const QByteArray &contentType, int status = 200);

    // The HTTP status for an error code: 4xx for every mistake a client can make, 5xx only when the
    // database itself failed (a client's mistake never earns a 5xx).
    static int statusFor(const QString &code);
    static QByteArray reasonPhrase(int status);

    ApiReply &withHeader(const QByteArray &name, const QByteArray &value);
    // The whole HTTP/1.1 response as written to the socket.
    QByteArray serialize(bool closeConnection, const QByteArray &requestId) const;
};

} // namespace casedesk
