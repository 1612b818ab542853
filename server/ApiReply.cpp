#include "ApiReply.h"

#include <QHash>
#include <QJsonDocument>

namespace casedesk {

ApiReply ApiReply::json(const QJsonObject &object, int status)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

ApiReply ApiReply::error(const Error &error)
{
    return ApiReply::error(statusFor(error.code), error);
}

ApiReply ApiReply::error(int status, const Error &error)
{
    ApiReply reply = json({{QStringLiteral("error"), error.toJson()}}, status);
    reply.errorCode = error.code;
    return reply;
}

ApiReply ApiReply::text(const QByteArray &body, const QByteArray &contentType, int status)
{
    ApiReply reply;
    reply.status = status;
    reply.body = body;
    reply.contentType = contentType;
    return reply;
}

int ApiReply::statusFor(const QString &code)
{
    static const QHash<QString, int> statuses = {
        {QStringLiteral("malformed_json"), 400},
        {QStringLiteral("bad_request"), 400},
        {QStringLiteral("unauthenticated"), 401},
        {QStringLiteral("invalid_credentials"), 401},
        {QStringLiteral("session_expired"), 401},
        {QStringLiteral("account_disabled"), 403},
        {QStringLiteral("forbidden"), 403},
        {QStringLiteral("forbidden_transition"), 403},
        {QStringLiteral("not_found"), 404},
        {QStringLiteral("method_not_allowed"), 405},
        {QStringLiteral("conflict"), 409},
        {QStringLiteral("already_exists"), 409},
        {QStringLiteral("number_taken"), 409},
        {QStringLiteral("payload_too_large"), 413},
        {QStringLiteral("unsupported_media_type"), 415},
        {QStringLiteral("account_locked"), 429},
        {QStringLiteral("throttled"), 429},
        {QStringLiteral("database_unavailable"), 503},
        {QStringLiteral("database_busy"), 503},
        {QStringLiteral("internal_error"), 500},
    };
    if (const auto it = statuses.constFind(code); it != statuses.constEnd())
        return *it;
    if (code.startsWith(QLatin1String("database_")) || code.startsWith(QLatin1String("transaction_")))
        return 500;
    // Everything else a service refuses is the request's content: validation, illegal transitions,
    // failed guards, bad cursors (422, DESIGN §5).
    return 422;
}

QByteArray ApiReply::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        break;
    }
    return QByteArrayLiteral("Status");
}

ApiReply &ApiReply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray ApiReply::serialize(bool closeConnection, const QByteArray &requestId) const
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!body.isEmpty() || status != 204) {
        out += "Content-Type: " + contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    out += "Cache-Control: no-store\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    if (!requestId.isEmpty())
        out += "X-Request-Id: " + requestId + "\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

} // namespace casedesk
