#pragma once

#include "base/Result.h"
#include "deadlines/DueState.h"
#include "domain/AuditEvent.h"
#include "domain/Case.h"
#include "domain/CaseRecord.h"
#include "domain/CorrectiveAction.h"

#include <QJsonObject>
#include <QTimeZone>

#include <optional>

namespace casedesk {

// The wire form of cases and their records (DESIGN §5): what the server sends, what sync pull
// carries and what the client stores back. Personal data is masked unless the reader may see it.
class CaseJson
{
public:
    struct Options
    {
        bool revealPersonalData = false;
        QString language = QStringLiteral("zh_CN"); // for priority_reasons
        std::optional<DueState> due; // overdue / due_soon, judged by the caller's clock
        QTimeZone zone = QTimeZone::utc(); // offset the times are written in (the branch's)
    };

    static QJsonObject toJson(const Case &c, const Options &options);
    // Reads what toJson wrote (a server's answer or a pulled change); lenient on absent fields.
    static Case fromJson(const QJsonObject &json);

    static QJsonObject toJson(const CaseRecord &record);
    static CaseRecord recordFromJson(const QJsonObject &json);
    static QJsonObject toJson(const AuditEvent &event);
    static AuditEvent auditFromJson(const QJsonObject &json);
    static QJsonObject toJson(const CorrectiveAction &action);
    static CorrectiveAction correctiveActionFromJson(const QJsonObject &json);

    static QString time(const QDateTime &at, const QTimeZone &zone = QTimeZone::utc());
};

} // namespace casedesk
