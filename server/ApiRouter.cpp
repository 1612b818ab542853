#include "ApiRouter.h"

namespace casedesk {

namespace {
QStringList split(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

void ApiRouter::add(
    QHttpServerRequest::Method method, const QString &pattern, Access access, Work work, Handler handler)
{
    m_routes.append({method, pattern, split(pattern), access, work, std::move(handler)});
}

bool ApiRouter::matches(const Route &route, const QStringList &segments, QStringList *captures)
{
    if (route.segments.size() != segments.size())
        return false;
    QStringList found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &part = route.segments.at(i);
        if (part.startsWith(QLatin1Char('{')) && part.endsWith(QLatin1Char('}')))
            found.append(segments.at(i));
        else if (part != segments.at(i))
            return false;
    }
    if (captures)
        *captures = found;
    return true;
}

ApiRouter::Match ApiRouter::match(QHttpServerRequest::Method method, const QString &path) const
{
    const QStringList segments = split(path);
    Match result;
    for (const Route &route : m_routes) {
        QStringList captures;
        if (!matches(route, segments, &captures))
            continue;
        if (route.method == method) {
            result.route = &route;
            result.captures = captures;
            result.allowedMethods.clear();
            return result;
        }
        const QString name = ApiRequest::methodName(route.method);
        if (!result.allowedMethods.contains(name))
            result.allowedMethods.append(name);
    }
    return result;
}

} // namespace casedesk
