#include "casework/IntakeValidator.h"

#include "casework/CaseFields.h"
#include "casework/CaseRules.h"

#include <QJsonArray>

namespace casedesk {

namespace {
// A counter's clock may run slightly ahead of the server's; more than this is a typing mistake.
constexpr qint64 allowedClockSkewSeconds = 5 * 60;

bool isBlank(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().trimmed().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}
} // namespace

Result<QStringList> IntakeValidator::check(
    const Case &c, const CaseRules &rules, const QDateTime &now, QStringView language)
{
    const IntakeFieldRules &fields = rules.pack().intakeFields();
    for (const QString &path : fields.allRequiredFields(c.channel, c.complainant.anonymous)) {
        if (isBlank(CaseFields::get(c, path))) {
            const QString label = fields.label(path).text(language);
            return Error {QStringLiteral("missing_field"),
                tr("“%1” is required for a complaint received by this channel.").arg(label.isEmpty() ? path : label),
                {{QStringLiteral("field"), path}}};
        }
    }
    if (c.complainant.anonymous
        && (!c.complainant.name.isEmpty() || !c.complainant.phone.isEmpty() || !c.complainant.idNumber.isEmpty())) {
        return Error {QStringLiteral("invalid_value"),
            tr("An anonymous complaint carries no name, phone or ID number; clear them or untick anonymous."),
            {{QStringLiteral("field"), QStringLiteral("complainant.anonymous")}}};
    }
    if (!c.receivedAt.isValid()) {
        return Error {QStringLiteral("missing_field"), tr("The time the complaint was received is required."),
            {{QStringLiteral("field"), QStringLiteral("received_at")}}};
    }
    if (c.receivedAt > now.addSecs(allowedClockSkewSeconds)) {
        return Error {QStringLiteral("invalid_value"), tr("The time received lies in the future."),
            {{QStringLiteral("field"), QStringLiteral("received_at")}}};
    }
    if (c.forwarding.dueDate.isValid() && c.forwarding.dueDate < c.receivedAt.date().addDays(-1)) {
        return Error {QStringLiteral("invalid_value"),
            tr("The forwarding body's deadline lies before the complaint was received."),
            {{QStringLiteral("field"), QStringLiteral("forwarding.due_date")}}};
    }
    QStringList warnings;
    for (const QString &path : fields.recommendedFields(c.channel)) {
        if (isBlank(CaseFields::get(c, path))) {
            const QString label = fields.label(path).text(language);
            warnings.append(tr("“%1” is recommended for this channel.").arg(label.isEmpty() ? path : label));
        }
    }
    return warnings;
}

} // namespace casedesk
