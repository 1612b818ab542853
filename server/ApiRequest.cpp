#include "ApiRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace casedesk {

ApiRequest ApiRequest::from(const QHttpServerRequest &request, quint16 localPort)
{
    ApiRequest r;
    r.method = request.method();
    r.path = request.url().path();
    r.query = request.query();
    r.body = request.body();
    r.remote = request.remoteAddress();
    r.localPort = localPort;
    for (const auto &header : request.headers())
        r.m_headers.insert(header.first.toLower(), header.second);
    // Priority reasons and rule names come in the reader's language; Chinese unless English is preferred.
    const QByteArray accept = r.header("accept-language").trimmed().toLower();
    if (accept.startsWith("en"))
        r.language = QStringLiteral("en");
    return r;
}

QString ApiRequest::bearerToken() const
{
    const QByteArray authorization = header("authorization").trimmed();
    if (!authorization.toLower().startsWith("bearer "))
        return {};
    return QString::fromLatin1(authorization.mid(7).trimmed());
}

Result<QJsonObject> ApiRequest::jsonObject() const
{
    if (body.trimmed().isEmpty()) {
        return Error {QStringLiteral("malformed_json"), tr("The request needs a JSON object as its body."), {}};
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {QStringLiteral("malformed_json"),
            tr("The body is not valid JSON: %1 at byte %2.").arg(parseError.errorString()).arg(parseError.offset),
            {{QStringLiteral("offset"), parseError.offset}}};
    }
    if (!document.isObject())
        return Error {QStringLiteral("malformed_json"), tr("The body must be a JSON object."), {}};
    return document.object();
}

QString ApiRequest::methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QStringLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QStringLiteral("TRACE");
    default:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

} // namespace casedesk
