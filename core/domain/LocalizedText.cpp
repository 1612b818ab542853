#include "domain/LocalizedText.h"

namespace casedesk {

QString LocalizedText::text(QStringView language) const
{
    if (language.startsWith(u"en") && !en.isEmpty())
        return en;
    return zh.isEmpty() ? en : zh;
}

QJsonObject LocalizedText::toJson() const
{
    return {{QStringLiteral("zh"), zh}, {QStringLiteral("en"), en}};
}

LocalizedText LocalizedText::fromJson(const QJsonObject &object)
{
    return {object.value(QStringLiteral("zh")).toString(), object.value(QStringLiteral("en")).toString()};
}

bool LocalizedText::contains(const QString &needle) const
{
    return zh.contains(needle, Qt::CaseInsensitive) || en.contains(needle, Qt::CaseInsensitive);
}

} // namespace casedesk
