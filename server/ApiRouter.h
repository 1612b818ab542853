#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QHttpServerRequest>
#include <QList>
#include <QStringList>

#include <functional>

namespace casedesk {

// Maps method + path to a handler. Patterns are literal segments and {captures}
// ("/api/v1/cases/{id}/transitions"). A path that exists with another method is a 405 with an Allow
// header, not the 404 QHttpServer 6.4 would give.
class ApiRouter
{
public:
    enum class Access { Public, Authenticated };
    // How a handler touches the database, which decides how the server schedules it (DESIGN §5):
    // None runs at once; Read runs at once unless a write batch is open; Write joins the group commit.
    enum class Work { None, Read, Write };
    using Handler = std::function<ApiReply(ApiRequest &)>;

    struct Route
    {
        QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
        QString pattern;
        QStringList segments;
        Access access = Access::Authenticated;
        Work work = Work::Read;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr;
        QStringList captures;
        QStringList allowedMethods; // when the path exists but not with this method
    };

    void add(QHttpServerRequest::Method method, const QString &pattern, Access access, Work work, Handler handler);
    Match match(QHttpServerRequest::Method method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matches(const Route &route, const QStringList &segments, QStringList *captures);

    QList<Route> m_routes;
};

} // namespace casedesk
