#pragma once

#include "base/Result.h"
#include "domain/Channel.h"
#include "domain/LocalizedText.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace casedesk {

// Which intake fields a new case must carry (resources/rules/intake-fields.json): the ones every case
// needs (DESIGN §5), the complainant's identity unless anonymous, and per channel the extra ones —
// forwarding body and reference for forwarded cases (BRIEF §2), the outlet for media complaints. A
// "recommended" field only warns (e.g. the recording reference of a walk-in, BRIEF §9).
class IntakeFieldRules
{
    Q_DECLARE_TR_FUNCTIONS(IntakeFieldRules)

public:
    static Result<IntakeFieldRules> fromJson(const QJsonObject &json, const QString &fileName);
    // The case fields a rule may name, as JSON paths of the case ("forwarding.reference").
    static const QStringList &knownFields();

    // Required for every case, whatever the channel.
    QStringList commonFields() const { return m_common; }
    // Required unless the complainant is anonymous (name and phone).
    QStringList identityFields() const { return m_identity; }
    // Required beyond the common and identity fields for this channel.
    QStringList requiredFields(Channel channel) const { return m_required.value(int(channel)); }
    QStringList recommendedFields(Channel channel) const { return m_recommended.value(int(channel)); }
    // Everything a case from this channel must carry.
    QStringList allRequiredFields(Channel channel, bool anonymous) const;
    // The field's name for messages and forms; empty for a field the file does not label.
    LocalizedText label(const QString &field) const { return m_labels.value(field); }

private:
    QStringList m_common;
    QStringList m_identity;
    QHash<int, QStringList> m_required;
    QHash<int, QStringList> m_recommended;
    QHash<QString, LocalizedText> m_labels;
};

} // namespace casedesk
