#pragma once

#include "Authenticator.h"
#include "base/Result.h"
#include "casework/AccessPolicy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace casedesk {

// One API request as the handlers see it: method, path and its captured parameters, query, headers and
// body, and — once authenticated — the session and the user's access policy (DESIGN §7: every
// endpoint checks role and branch scope on the server).
class ApiRequest
{
    Q_DECLARE_TR_FUNCTIONS(ApiRequest)

public:
    static ApiRequest from(const QHttpServerRequest &request, quint16 localPort);

    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QHostAddress remote;
    quint16 localPort = 0;
    QStringList captures; // the {…} segments of the matched route, in order
    std::optional<Session> session;
    std::optional<AccessPolicy> access;
    QString language = QStringLiteral("zh_CN"); // from Accept-Language
    QByteArray requestId;

    QByteArray header(const QByteArray &lowerCaseName) const { return m_headers.value(lowerCaseName); }
    QString capture(int index) const { return captures.value(index); }
    QString bearerToken() const;
    // The body as a JSON object; malformed JSON or another JSON type is a 400 malformed_json.
    Result<QJsonObject> jsonObject() const;

    const User &user() const { return session->user; }
    const AccessPolicy &policy() const { return *access; }

    static QString methodName(QHttpServerRequest::Method method);

private:
    QHash<QByteArray, QByteArray> m_headers;
};

} // namespace casedesk
