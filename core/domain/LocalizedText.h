#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk {

// A name or message in both UI languages, as rule files carry them: {"zh": "…", "en": "…"}.
struct LocalizedText
{
    QString zh;
    QString en;

    // "en…" picks English; anything else (zh_CN, empty) picks Chinese, the default language.
    QString text(QStringView language) const;
    QJsonObject toJson() const;
    static LocalizedText fromJson(const QJsonObject &object);
    bool contains(const QString &needle) const;

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

} // namespace casedesk
